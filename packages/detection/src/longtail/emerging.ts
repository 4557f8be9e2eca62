import { findingId } from '../data/stable-id.js';
import type { LongtailSession } from './longtail-session.js';
import { sessionRef, type CommandIndex } from './command-index.js';
import type { EmergingPattern, LongtailParams } from './longtail-types.js';

/**
 * Binomial z-score that `w` of the `w + b` sessions showing a pattern fall in the window, when
 * the window holds `tw` and the baseline `tb` comparable sessions: under "no change" each
 * sighting lands in the window with p = tw / (tw + tb). Continuity-corrected; 0 when undefined.
 *
 * @example
 * ```ts
 * emergingZ(30, 2, 1000, 3000); // ≈ 9.2: 30 of 32 sightings in a window holding a quarter of the sessions
 * emergingZ(5, 15, 1000, 3000); // 0 (as expected)
 * ```
 */
export function emergingZ(w: number, b: number, tw: number, tb: number): number {
  const n = w + b;
  if (n === 0 || tw <= 0 || tb <= 0) return 0;
  const p = tw / (tw + tb);
  const sd = Math.sqrt(n * p * (1 - p));
  return Math.max(0, (w - n * p - 0.5) / sd);
}

interface Counted {
  window: Map<string, number[]>;
  history: Map<string, number>;
  tw: number;
  tb: number;
}

function countCredentials(window: readonly LongtailSession[], history: readonly LongtailSession[]): Counted {
  const keys = (s: LongtailSession) => new Set(s.credentials.map((c) => `${c.username ?? ''}:${c.password ?? ''}`));
  const win = new Map<string, number[]>();
  let tw = 0;
  window.forEach((s, i) => {
    if (s.credentials.length > 0) tw++;
    for (const k of keys(s)) (win.get(k) ?? win.set(k, []).get(k)!).push(i);
  });
  const hist = new Map<string, number>();
  let tb = 0;
  for (const s of history) {
    if (s.credentials.length > 0) tb++;
    for (const k of keys(s)) hist.set(k, (hist.get(k) ?? 0) + 1);
  }
  return { window: win, history: hist, tw, tb };
}

/**
 * Command forms and credential pairs whose share of sessions rose in the window against the
 * baseline: binomial z ≥ `emergingZ` and at least `emergingMinSessions` window sessions. Needs a
 * non-empty baseline (returns `[]` otherwise; the caller notes it). Ranked by z.
 *
 * @example
 * ```ts
 * findEmerging(window, history, idx, DEFAULT_LONGTAIL_PARAMS);
 * // [{ kind: 'credential', value: 'root:Harbor#2025', sessions: 40, historySessions: 0, z: 11.3, … }]
 * ```
 */
export function findEmerging(window: readonly LongtailSession[], history: readonly LongtailSession[], idx: CommandIndex, p: LongtailParams): EmergingPattern[] {
  const commands: Counted = { window: idx.windowSessions, history: idx.historySessions, tw: idx.windowWithCommands, tb: idx.historyWithCommands };
  const out: EmergingPattern[] = [];
  for (const [kind, c] of [['command', commands], ['credential', countCredentials(window, history)]] as const) {
    if (c.tb === 0 || c.tw === 0) continue;
    for (const [value, list] of c.window) {
      const w = list.length;
      if (w < p.emergingMinSessions) continue;
      const b = c.history.get(value) ?? 0;
      const z = emergingZ(w, b, c.tw, c.tb);
      if (z < p.emergingZ) continue;
      const ratio = (w / c.tw) / ((b + 1) / (c.tb + 1));
      out.push({
        id: findingId('longtail', 'emerging', `${kind}|${value}`),
        kind, value, sessions: w, historySessions: b,
        ratio: Math.round(ratio * 100) / 100, z: Math.round(z * 100) / 100, score: Math.round(z * 100) / 100,
        sessionRefs: list.map((i) => sessionRef(window[i]!)),
        reasons: [`${w} of ${c.tw} window sessions vs ${b} of ${c.tb} baseline sessions (z ${z.toFixed(1)})`],
      });
    }
  }
  return out.sort((a, b) => b.z - a.z || (a.id < b.id ? -1 : 1));
}
