import type { IpProfile } from '../data/ip-profiles.js';
import type { CampaignGroup } from './group-campaigns.js';

/** One group's candidate block for the concurrent-attach step. */
export interface GroupWindow {
  /** Index into the groups. */
  group: number;
  /** Members per hour over the group's span (at least one hour). */
  density: number;
  /** Profile indices of the lone IPs of its fingerprint active only inside its span (± margin). */
  candidates: number[];
  /** Lone IPs of its fingerprint that started in the flanks: up to a week before and after. */
  flank: number[];
  /** Span ÷ flank time covered by data: scales flank counts to the background expected in the span. */
  flankScale: number;
}

const HOUR_MS = 3_600_000;
/** Each flank: long enough to see a fingerprint's usual pairs, short enough to be its current habits. */
const FLANK_MS = 7 * 24 * HOUR_MS;
const ms = (t: string | null): number => (t ? Date.parse(t) : NaN);

/**
 * The candidate blocks of the concurrent-attach step: for every group of at least `minIps`
 * members, the lone low-volume IPs (in no group, with at least one pair) of its tooling
 * fingerprint whose first and last activity both lie in the group's span ± `marginMs`. Lone IPs
 * are sorted by first activity per fingerprint and each group's run of them is found by binary
 * search, so the work is groups × concurrent lone IPs, never all IPs against all. With them, the
 * lone IPs of the fingerprint in the week before and after (the background to compare with).
 *
 * @example
 * ```ts
 * const windows = concurrentCandidates(profiles, lowVolume, groups, groupOf, { minIps: 8, marginMs: 6 * 3600_000 });
 * ```
 */
export function concurrentCandidates(profiles: readonly IpProfile[], lowVolume: Uint8Array, groups: readonly CampaignGroup[], groupOf: Int32Array,
  o: { minIps: number; marginMs: number }): GroupWindow[] {
  const wanted = new Set(groups.filter((g) => g.members.length >= o.minIps).map((g) => g.tooling));
  const loneOf = new Map<string, IpProfile[]>();
  for (const p of profiles) {
    if (!lowVolume[p.index] || groupOf[p.index] !== -1 || p.credentials.size === 0 || !wanted.has(p.tooling) || Number.isNaN(ms(p.firstTs))) continue;
    (loneOf.get(p.tooling) ?? loneOf.set(p.tooling, []).get(p.tooling)!).push(p);
  }
  for (const list of loneOf.values()) list.sort((a, b) => ms(a.firstTs) - ms(b.firstTs) || a.index - b.index);
  let tMin = Infinity;
  let tMax = -Infinity;
  for (const p of profiles) {
    const a = ms(p.firstTs);
    if (a < tMin) tMin = a;
    if (a > tMax) tMax = a;
  }
  const out: GroupWindow[] = [];
  groups.forEach((g, gi) => {
    if (g.members.length < o.minIps) return;
    let lo = Infinity;
    let hi = -Infinity;
    for (const m of g.members) {
      const a = ms(m.firstTs);
      const b = m.lastTs ? ms(m.lastTs) : a;
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
    const list = loneOf.get(g.tooling);
    if (!list || !(lo <= hi)) return;
    const from = firstAtOrAfter(list, lo - o.marginMs);
    const candidates: number[] = [];
    for (let k = from; k < list.length && ms(list[k]!.firstTs) <= hi + o.marginMs; k++) {
      const p = list[k]!;
      if ((p.lastTs ? ms(p.lastTs) : ms(p.firstTs)) <= hi + o.marginMs) candidates.push(p.index);
    }
    // The background expected in the span comes from the flanks: without as much flank as span
    // (a campaign filling the data), it cannot be told apart, so the group gets no candidates.
    const [s0, s1] = [lo - o.marginMs, hi + o.marginMs];
    const covered = Math.max(0, s0 - Math.max(tMin, s0 - FLANK_MS)) + Math.max(0, Math.min(tMax, s1 + FLANK_MS) - s1);
    if (candidates.length === 0 || covered < s1 - s0) return;
    const flank: number[] = [];
    for (let k = firstAtOrAfter(list, s0 - FLANK_MS); k < from; k++) flank.push(list[k]!.index);
    for (let k = firstAtOrAfter(list, s1 + 1); k < list.length && ms(list[k]!.firstTs) <= s1 + FLANK_MS; k++) flank.push(list[k]!.index);
    out.push({ group: gi, density: g.members.length / Math.max(1, (hi - lo) / HOUR_MS), candidates, flank, flankScale: (s1 - s0) / covered });
  });
  return out;
}

/** Index of the first profile of `list` (sorted by first activity) that starts at `t` or later. */
function firstAtOrAfter(list: readonly IpProfile[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms(list[mid]!.firstTs) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
