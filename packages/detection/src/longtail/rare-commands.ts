import { findingId } from '../data/stable-id.js';
import type { LongtailSession } from './longtail-session.js';
import { examplesOf, sessionRef, type CommandIndex } from './command-index.js';
import type { LongtailParams, RareCommand } from './longtail-types.js';

/** The rarity threshold a run used, with the figures behind it. */
export interface RarityThreshold {
  /** Largest session count (window + history) that counts as rare. */
  k: number;
  /** Good–Turing missing mass N1/N: the chance that the next (session, form) is a never-seen form. */
  missingMass: number;
  /** (session, form) occurrences over window and history. */
  occurrences: number;
}

/**
 * Choose k: at most `rareMaxSessions`, lowered until the forms seen in ≤ k sessions hold at most
 * `rareTailMass` of all (session, form) occurrences, never below 1 (a form seen once is always
 * a candidate). Counts are over window + history, so a form common in the baseline is not rare.
 * Also reports the Good–Turing missing mass N1/N: when it is high, one-off forms are the norm
 * (usually random tokens the normaliser missed) and a single sighting means less.
 *
 * @example
 * ```ts
 * rarityThreshold(new Map([['a', 1], ['b', 50]]), 3, 0.05); // { k: 1, missingMass: 0.0196…, occurrences: 51 }
 * ```
 */
export function rarityThreshold(counts: Map<string, number>, maxK: number, tailMass: number): RarityThreshold {
  const byLevel = new Map<number, number>();
  let total = 0;
  for (const c of counts.values()) {
    byLevel.set(c, (byLevel.get(c) ?? 0) + 1);
    total += c;
  }
  let k = 1;
  let cum = 0;
  for (let c = 1; c <= maxK; c++) {
    cum += c * (byLevel.get(c) ?? 0);
    if (total > 0 && cum / total <= tailMass) k = c;
    else break;
  }
  return { k, missingMass: total > 0 ? (byLevel.get(1) ?? 0) / total : 0, occurrences: total };
}

/**
 * Rare command forms of the window: seen in at most k sessions of window + history (k from
 * {@link rarityThreshold}), sorted rarest first (fewest sessions, then fewest events). The score
 * is the surprisal −log2((c + ½) / (S + 1)) of a session showing the form, S being the sessions
 * with commands.
 *
 * @example
 * ```ts
 * const { rare, threshold } = findRareCommands(window, idx, DEFAULT_LONGTAIL_PARAMS);
 * rare[0]; // { command: '/tmp/.x/kthreaddk -o [IP]', sessions: 1, examples: ['/tmp/.x/kthreaddk -o 1.2.3.4:3333'], … }
 * ```
 */
export function findRareCommands(window: readonly LongtailSession[], idx: CommandIndex, p: LongtailParams): { rare: RareCommand[]; threshold: RarityThreshold; rareForms: Set<string> } {
  const total = new Map<string, number>(idx.historySessions);
  for (const [f, list] of idx.windowSessions) total.set(f, (total.get(f) ?? 0) + list.length);
  const threshold = rarityThreshold(total, p.rareMaxSessions, p.rareTailMass);
  const sessionsWithCommands = idx.windowWithCommands + idx.historyWithCommands;
  const rare: RareCommand[] = [];
  const rareForms = new Set<string>();
  for (const [form, list] of idx.windowSessions) {
    const c = total.get(form) ?? 0;
    if (c > threshold.k) continue;
    rareForms.add(form);
    const history = idx.historySessions.get(form) ?? 0;
    rare.push({
      id: findingId('longtail', 'rare_command', form),
      command: form,
      count: idx.windowCount.get(form) ?? 0,
      sessions: list.length,
      historySessions: history,
      score: -Math.log2((c + 0.5) / (sessionsWithCommands + 1)),
      examples: examplesOf(window, idx, form, list, p.examples),
      sessionRefs: list.map((i) => sessionRef(window[i]!)),
      reasons: [`seen in ${c} session${c === 1 ? '' : 's'} (${history} in history) of ${sessionsWithCommands} with commands; rare means ≤ ${threshold.k}`],
    });
  }
  rare.sort((a, b) => a.sessions + a.historySessions - (b.sessions + b.historySessions) || a.count - b.count || (a.command < b.command ? -1 : a.command > b.command ? 1 : 0));
  return { rare, threshold, rareForms };
}
