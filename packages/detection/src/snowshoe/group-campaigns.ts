import { runPlanSync, type KernelPlan } from '../compute/kernel-plan.js';
import type { IpProfile } from '../data/ip-profiles.js';
import { UnionFind } from '../data/union-find.js';
import { attachConcurrentPlan, type ConcurrentParams, type ConcurrentStats } from './concurrent-attach.js';
import { binds, countKeyUse, type KeyUse } from './find-bindings.js';
import { mergeBySimilarity, type SimilarityParams, type SimilarityStats } from './similarity-merge.js';

/** A candidate campaign before scoring: member profiles and what bound them. */
export interface CampaignGroup {
  tooling: string;
  members: IpProfile[];
  /** Credential pairs that bound members, with how many members used each. */
  bindingCreds: Map<string, number>;
  /** Command scripts that bound members, with how many members ran each. */
  bindingScripts: Map<string, number>;
  /** Members that joined only because all their pairs lie in the dictionary. */
  attached: number;
  /** Union-find groups merged into this one by dictionary similarity (1: none merged). */
  subgroups: number;
  /** Lowest cosine of the merges that built it (undefined when nothing was merged). */
  mergeCosine?: number;
  /** Lone IPs that joined by the similarity of their rare pairs to the group's dictionary. */
  attachedBySimilarity: number;
  /** Lone IPs that joined because, while it ran, their pairs were mostly its own (`attachConcurrentPlan`). */
  attachedConcurrently: number;
  /** Lowest share of owned pairs among those IPs' pairs (undefined when none joined so). */
  minOwnedShare?: number;
  credUse: Map<string, KeyUse>;
}

/** Options of {@link groupCampaignsPlan}; without `similarity` no sub-groups are merged. */
export interface GroupCampaignsOptions {
  minConcentration: number;
  attach: boolean;
  similarity?: SimilarityParams;
  /** Without it, no lone IP joins by the concurrent use of the group's pairs. */
  concurrent?: ConcurrentParams;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * {@link groupCampaignsPlan} run synchronously on the in-process JS kernel.
 *
 * @example
 * ```ts
 * const groups = groupCampaigns(profiles, lowVolume, { minConcentration: 0.75, attach: true });
 * ```
 */
export function groupCampaigns(profiles: IpProfile[], lowVolume: Uint8Array, opts: GroupCampaignsOptions, stats?: SimilarityStats, concurrentStats?: ConcurrentStats): CampaignGroup[] {
  return runPlanSync(groupCampaignsPlan(profiles, lowVolume, opts, stats, concurrentStats));
}

/**
 * Group low-volume IPs into candidate campaigns. IPs are linked only inside one tooling
 * fingerprint and only through a credential pair or command script concentrated on them
 * (see `binds`), with union-find: linear in IPs × pairs, never pairwise over IPs. A
 * shared fingerprint alone links nothing. With `similarity`, sub-groups of one campaign that
 * no shared pair links are merged by the cosine of their dictionary profiles, computed by the
 * kernel that runs the plan inside candidate blocks (`mergeBySimilarity`). Then IPs of the
 * same fingerprint whose every pair (two or more) lies in a group's dictionary, inside its time
 * span ± 1 day, are attached. With `concurrent`, lone IPs of a group's fingerprint active only
 * during its span that tried a pair the group owns at that time join it last
 * (`attachConcurrentPlan`, on the kernel).
 *
 * @example
 * ```ts
 * const groups = await runPlan(groupCampaignsPlan(profiles, lowVolume, { minConcentration: 0.75, attach: true, similarity }), backend);
 * ```
 */
export function* groupCampaignsPlan(profiles: IpProfile[], lowVolume: Uint8Array, opts: GroupCampaignsOptions, stats?: SimilarityStats,
  concurrentStats?: ConcurrentStats): KernelPlan<CampaignGroup[]> {
  const credUse = countKeyUse(profiles, lowVolume, (p) => p.credentials);
  const scriptUse = countKeyUse(profiles, lowVolume, (p) => p.scripts);
  const uf = new UnionFind(profiles.length);
  const first = new Map<string, number>();
  const link = (p: IpProfile, key: string) => {
    const k = `${p.tooling}\u0001${key}`;
    const f = first.get(k);
    if (f === undefined) first.set(k, p.index);
    else uf.union(f, p.index);
  };
  for (const p of profiles) {
    if (!lowVolume[p.index]) continue;
    for (const c of p.credentials) if (binds(credUse.get(c), p.tooling, opts.minConcentration)) link(p, `c${c}`);
    for (const s of p.scripts) if (binds(scriptUse.get(s), p.tooling, opts.minConcentration)) link(p, `s${s}`);
  }
  let groups: CampaignGroup[] = [];
  const groupOf = new Int32Array(profiles.length).fill(-1);
  for (const idx of uf.groups().flatMap((g) => splitByTime(g.map((i) => profiles[i]!)))) {
    if (idx.length < 2 || !lowVolume[idx[0]!.index]) continue;
    const members = idx;
    const g: CampaignGroup = { tooling: members[0]!.tooling, members, bindingCreds: new Map(), bindingScripts: new Map(), attached: 0, subgroups: 1, attachedBySimilarity: 0, attachedConcurrently: 0, credUse };
    for (const m of members) {
      for (const c of m.credentials) if (binds(credUse.get(c), g.tooling, opts.minConcentration)) g.bindingCreds.set(c, (g.bindingCreds.get(c) ?? 0) + 1);
      for (const s of m.scripts) if (binds(scriptUse.get(s), g.tooling, opts.minConcentration)) g.bindingScripts.set(s, (g.bindingScripts.get(s) ?? 0) + 1);
      groupOf[m.index] = groups.length;
    }
    groups.push(g);
  }
  if (opts.similarity) {
    const st = stats ?? { units: 0, blocks: 0, pairsCompared: 0, merged: 0, attached: 0 };
    groups = yield* mergeBySimilarity(profiles, lowVolume, groups, groupOf, credUse, scriptUse, opts.similarity, st);
  }
  // Attaching grows the dictionaries, which may attach more: a few rounds until nothing changes.
  for (let round = 0; opts.attach && round < 4; round++) if (attachByDictionary(profiles, lowVolume, groups, groupOf) === 0) break;
  // Last, and once: what the dictionary could not tell, time and tooling may (never a new group).
  if (opts.concurrent) yield* attachConcurrentPlan(profiles, lowVolume, groups, groupOf, opts.concurrent, concurrentStats ?? { groups: 0, candidates: 0, attached: 0 });
  return groups;
}

/**
 * Split a linked group where its members' activity has a gap of more than {@link TIME_GAP_MS}:
 * two campaigns of one fingerprint that run weeks apart can still be linked through a common
 * pair concentrated on them, but one campaign's IPs are active in one band of time (a member's
 * own first-to-last span bridges the gaps between the others). Linear after a sort.
 */
function splitByTime(members: IpProfile[]): IpProfile[][] {
  const t = (x: string | null) => (x ? Date.parse(x) : NaN);
  const timed = members.filter((m) => !Number.isNaN(t(m.firstTs)));
  if (timed.length < members.length || members.length < 2) return [members];
  timed.sort((a, b) => t(a.firstTs) - t(b.firstTs));
  const out: IpProfile[][] = [];
  let cur: IpProfile[] = [];
  let end = -Infinity;
  for (const m of timed) {
    if (cur.length > 0 && t(m.firstTs) > end + TIME_GAP_MS) {
      out.push(cur);
      cur = [];
    }
    cur.push(m);
    end = Math.max(end, t(m.lastTs ?? m.firstTs));
  }
  out.push(cur);
  return out;
}

/** Smallest group an IP that tried one pair may join. */
const SINGLE_PAIR_MIN_IPS = 10;

/** A gap in a group's activity longer than this separates two campaigns. */
const TIME_GAP_MS = DAY_MS;

function attachByDictionary(profiles: IpProfile[], lowVolume: Uint8Array, groups: CampaignGroup[], groupOf: Int32Array): number {
  // Dictionary of a group: the pairs its members tried (bound or not), per tooling: pair -> group ids.
  const dict = new Map<string, Map<string, number[]>>();
  const spans: Array<[number, number]> = [];
  // A group's own span (no margin) and size, for IPs that tried a single pair.
  const cores: Array<[number, number]> = [];
  const sizes: number[] = [];
  const pairCounts: Array<Map<string, number>> = [];
  groups.forEach((g, gi) => {
    // Small groups have seen only part of their dictionary: count a pair once seen there.
    const minUse = g.members.length < 30 ? 1 : 2;
    const counts = new Map<string, number>();
    for (const m of g.members) for (const c of m.credentials) counts.set(c, (counts.get(c) ?? 0) + 1);
    let byPair = dict.get(g.tooling);
    if (!byPair) dict.set(g.tooling, (byPair = new Map()));
    for (const [c, n] of counts) {
      if (n < minUse) continue;
      const l = byPair.get(c);
      if (l) l.push(gi);
      else byPair.set(c, [gi]);
    }
    let lo = Infinity;
    let hi = -Infinity;
    for (const m of g.members) {
      for (const t of [m.firstTs, m.lastTs]) {
        if (!t) continue;
        const x = Date.parse(t);
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
    }
    spans.push(lo <= hi ? [lo - DAY_MS, hi + DAY_MS] : [-Infinity, Infinity]);
    cores.push(lo <= hi ? [lo, hi] : [Infinity, -Infinity]);
    pairCounts.push(counts);
    sizes.push(g.members.length);
  });
  // The group's members are at least half of the low-volume IPs of this fingerprint that tried
  // the pair: a pair the background of that fingerprint tries as often says nothing.
  const ownsPair = (gi: number, pair: string, tooling: string) =>
    (pairCounts[gi]!.get(pair) ?? 0) * 2 >= (groups[gi]!.credUse.get(pair)?.byTooling.get(tooling) ?? Infinity);
  const joins: Array<[IpProfile, number]> = [];
  for (const p of profiles) {
    if (!lowVolume[p.index] || groupOf[p.index] !== -1 || p.credentials.size === 0) continue;
    const byPair = dict.get(p.tooling);
    if (!byPair) continue;
    const hits = new Map<number, number>();
    for (const c of p.credentials) for (const gi of byPair.get(c) ?? []) hits.set(gi, (hits.get(gi) ?? 0) + 1);
    if (hits.size === 0) continue;
    const t = p.firstTs ? Date.parse(p.firstTs) : NaN;
    // One pair says little: such an IP joins only a group of SINGLE_PAIR_MIN_IPS or more, inside
    // its own span (a campaign's IPs all run in its time band; the background's are spread over
    // the whole capture), and only when no other group of its fingerprint claims that pair.
    const single = p.credentials.size === 1;
    const full = [...hits].filter(([gi, n]) => n === p.credentials.size && (single
      ? !Number.isNaN(t) && sizes[gi]! >= SINGLE_PAIR_MIN_IPS && t >= cores[gi]![0] && t <= cores[gi]![1] && ownsPair(gi, [...p.credentials][0]!, p.tooling)
      : Number.isNaN(t) || (t >= spans[gi]![0] && t <= spans[gi]![1])));
    // Ambiguous between two campaigns: the one active at that moment (its own span, no margin)
    // when exactly one is, else leave it out rather than guess.
    const now = full.length > 1 ? full.filter(([gi]) => t >= cores[gi]![0] && t <= cores[gi]![1]) : full;
    if (now.length === 1) joins.push([p, now[0]![0]]);
  }
  for (const [p, gi] of joins) {
    groups[gi]!.members.push(p);
    groups[gi]!.attached++;
    groupOf[p.index] = gi;
  }
  return joins.length;
}
