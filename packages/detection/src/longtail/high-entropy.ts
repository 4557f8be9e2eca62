import { findingId } from '../data/stable-id.js';
import type { LongtailSession } from './longtail-session.js';
import { encodedRuns, isHighEntropy, type EncodedRun } from '../features/text-stats.js';
import { sessionRef, type CommandIndex } from './command-index.js';
import type { HighEntropyPayload, LongtailParams } from './longtail-types.js';

/**
 * Encoded blobs in the window's commands (base64, hex and `\xNN` runs whose entropy is at least
 * `entropyRatio` of what a run of that length and alphabet can reach), grouped by command form
 * so the same dropper from many sessions is one finding. Ranked by length × entropy ÷ sessions:
 * long, dense, one-off blobs first.
 *
 * @example
 * ```ts
 * findHighEntropy(window, idx, DEFAULT_LONGTAIL_PARAMS)[0];
 * // { command: 'echo [B64] | base64 -d | sh', encoding: 'base64', length: 412, entropy: 5.8, … }
 * ```
 */
export function findHighEntropy(window: readonly LongtailSession[], idx: CommandIndex, p: LongtailParams): HighEntropyPayload[] {
  const groups = new Map<string, { best: EncodedRun; count: number; sessions: Set<number>; examples: Set<string> }>();
  window.forEach((s, i) => {
    s.commands.forEach((c, j) => {
      const runs = encodedRuns(c.input).filter((r) => isHighEntropy(r, p.entropyRatio));
      if (runs.length === 0) return;
      const best = runs.reduce((a, b) => (b.text.length * b.entropy > a.text.length * a.entropy ? b : a));
      const form = idx.forms[i]?.[j] ?? c.normalized;
      let g = groups.get(form);
      if (!g) groups.set(form, (g = { best, count: 0, sessions: new Set(), examples: new Set() }));
      if (best.text.length * best.entropy > g.best.text.length * g.best.entropy) g.best = best;
      g.count++;
      g.sessions.add(i);
      if (g.examples.size < p.examples) g.examples.add(c.input);
    });
  });
  const out: HighEntropyPayload[] = [...groups].map(([form, g]) => ({
    id: findingId('longtail', 'high_entropy', form),
    command: form,
    encoding: g.best.encoding,
    length: g.best.text.length,
    entropy: round(g.best.entropy),
    count: g.count,
    sessions: g.sessions.size,
    score: round((Math.log2(g.best.text.length) * g.best.entropy) / Math.sqrt(g.sessions.size)),
    examples: [...g.examples],
    sessionRefs: [...g.sessions].map((i) => sessionRef(window[i]!)),
    reasons: [`${g.best.encoding} run of ${g.best.text.length} characters at ${round(g.best.entropy)} bits/symbol`],
  }));
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
