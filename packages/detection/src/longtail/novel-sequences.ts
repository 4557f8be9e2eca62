import { findingId } from '../data/stable-id.js';
import type { LongtailSession } from './longtail-session.js';
import { sessionRef, type CommandIndex } from './command-index.js';
import type { LongtailParams, NovelSequence } from './longtail-types.js';

/**
 * Shingles of one session: n consecutive forms after collapsing immediate repeats (a session
 * shorter than n gives its whole sequence, one with fewer than 2 distinct steps none).
 *
 * @example
 * ```ts
 * shinglesOf(['a', 'a', 'b', 'c', 'd'], 3); // [['a', 'b', 'c'], ['b', 'c', 'd']]
 * ```
 */
export function shinglesOf(forms: string[], n: number): string[][] {
  const seq = forms.filter((f, i) => i === 0 || f !== forms[i - 1]);
  if (seq.length < 2) return [];
  const size = Math.min(n, seq.length);
  const out: string[][] = [];
  for (let i = 0; i + size <= seq.length; i++) out.push(seq.slice(i, i + size));
  return out;
}

const key = (s: string[]) => s.join('\n');

/** Novel sequences of the window, and per window session the share of its shingles that are novel. */
export interface NovelResult {
  sequences: NovelSequence[];
  /** Per window session (same order): novel shingles ÷ shingles (0 when it has none). */
  novelShare: Float64Array;
}

/**
 * Command sequences of the window not seen in the history: n-gram shingles of a session's
 * command forms absent from every baseline session and seen in at most `novelMaxSessions`
 * window sessions (a new sequence run from many sessions is an emerging pattern instead).
 * Consecutive novel shingles of a session merge into one sequence. Without history the
 * comparison is within the window only (noted by the caller).
 *
 * @example
 * ```ts
 * const { sequences } = findNovelSequences(window, idx, DEFAULT_LONGTAIL_PARAMS);
 * sequences[0].sequence; // ['cd /tmp', 'wget [URL]', 'chmod +x [RAND]', './[RAND]']
 * ```
 */
export function findNovelSequences(window: readonly LongtailSession[], idx: CommandIndex, p: LongtailParams): NovelResult {
  const seen = new Set<string>();
  for (const forms of idx.historyForms) for (const sh of shinglesOf(forms, p.shingleSize)) seen.add(key(sh));
  // Sessions with fewer than two commands have no shingle; they share one empty list.
  const none: string[][] = [];
  const windowShingles = idx.forms.map((forms) => (forms.length < 2 ? none : shinglesOf(forms, p.shingleSize)));
  const perShingle = new Map<string, Set<number>>();
  windowShingles.forEach((list, i) => {
    for (const sh of list) {
      const k = key(sh);
      let set = perShingle.get(k);
      if (!set) perShingle.set(k, (set = new Set()));
      set.add(i);
    }
  });
  const isNovel = (k: string) => !seen.has(k) && (perShingle.get(k)?.size ?? 0) <= p.novelMaxSessions;
  const novelShare = new Float64Array(window.length);
  const groups = new Map<string, { sequence: string[]; sessions: Set<number>; shingles: number; examples: string[][] }>();
  windowShingles.forEach((list, i) => {
    let novel = 0;
    let run: string[] | null = null;
    let runShingles = 0;
    const flush = () => {
      if (!run) return;
      const k = key(run);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { sequence: run, sessions: new Set(), shingles: runShingles, examples: [] }));
      if (!g.sessions.has(i) && g.examples.length < p.examples) g.examples.push(window[i]!.commands.map((c) => c.input).slice(0, 20));
      g.sessions.add(i);
      run = null;
      runShingles = 0;
    };
    for (const sh of list) {
      if (isNovel(key(sh))) {
        novel++;
        runShingles++;
        run = run ? [...run, sh[sh.length - 1]!] : [...sh];
      } else flush();
    }
    flush();
    novelShare[i] = list.length > 0 ? novel / list.length : 0;
  });
  const sequences: NovelSequence[] = [...groups.values()].map((g) => ({
    id: findingId('longtail', 'novel_sequence', key(g.sequence)),
    sequence: g.sequence,
    sessions: g.sessions.size,
    score: g.shingles / g.sessions.size,
    examples: g.examples,
    sessionRefs: [...g.sessions].map((i) => sessionRef(window[i]!)),
    reasons: [`${g.shingles} consecutive ${p.shingleSize}-command shingle${g.shingles === 1 ? '' : 's'} absent from ${idx.historyForms.length} history sessions, seen in ${g.sessions.size} window session${g.sessions.size === 1 ? '' : 's'}`],
  }));
  sequences.sort((a, b) => b.score - a.score || a.sessions - b.sessions || (a.id < b.id ? -1 : 1));
  return { sequences, novelShare };
}
