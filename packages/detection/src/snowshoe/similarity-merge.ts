import { similarPairsInBlocks, type CandidateBlock } from '../compute/block-similarity.js';
import type { KernelPlan } from '../compute/kernel-plan.js';
import type { IpProfile } from '../data/ip-profiles.js';
import { UnionFind } from '../data/union-find.js';
import { dictionaryVectors } from './dictionary-vectors.js';
import type { KeyUse } from './find-bindings.js';
import type { CampaignGroup } from './group-campaigns.js';

/** Thresholds of the similarity step (see `SNOWSHOE_DEFAULTS.similarity`). */
export interface SimilarityParams {
  /** Two sub-groups merge at this cosine of their dictionary profiles or more. */
  minMergeCosine: number;
  /** A lone IP with a pair few others tried joins its most similar group at this cosine or more. */
  minAttachCosine: number;
  /** Units are compared only when their activity overlaps, give or take this (ms). */
  marginMs: number;
}

/** What the similarity step did, for the run's stats (and proof that the kernel ran). */
export interface SimilarityStats {
  units: number;
  blocks: number;
  pairsCompared: number;
  merged: number;
  attached: number;
}

/** A lone IP is a candidate when one of its pairs was tried by at most this many IPs. */
const RARE_PAIR_USERS = 3;

/**
 * Merge sub-groups of one campaign that union-find on exact shared evidence splits apart (each
 * bound by its own rare pairs), and attach lone IPs whose rare pair no one else tried, by the
 * cosine of their credential-dictionary profiles (`dictionaryVectors`). Computed with the
 * compute backend's pairwise kernel inside candidate blocks only: one group against the other
 * groups of its tooling fingerprint whose activity overlaps its own, and the lone IPs of that
 * fingerprint that started within it (sorted by start, found by binary search). The work is
 * groups × concurrent units, never all IPs against all.
 * Mutates `groups`' members (and `groupOf`) and returns the merged list.
 *
 * @example
 * ```ts
 * const merged = runPlanSync(mergeBySimilarity(profiles, lowVolume, groups, groupOf, credUse, scriptUse, params, stats));
 * ```
 */
export function* mergeBySimilarity(profiles: IpProfile[], lowVolume: Uint8Array, groups: CampaignGroup[], groupOf: Int32Array,
  credUse: ReadonlyMap<string, KeyUse>, scriptUse: ReadonlyMap<string, KeyUse>, params: SimilarityParams, stats: SimilarityStats): KernelPlan<CampaignGroup[]> {
  const toolings = new Set(groups.map((g) => g.tooling));
  const loners = profiles.filter((p) => lowVolume[p.index] && groupOf[p.index] === -1 && toolings.has(p.tooling) && p.firstTs
    && [...p.credentials].some((c) => (credUse.get(c)?.total ?? 0) <= RARE_PAIR_USERS));
  const units: IpProfile[][] = [...groups.map((g) => g.members), ...loners.map((p) => [p])];
  const spans = units.map(spanMs);
  // Per fingerprint: groups, and lone IPs by first activity (a group's candidates are a run of them).
  const groupsOf = new Map<string, number[]>();
  const lonersOf = new Map<string, number[]>();
  units.forEach((u, i) => {
    if (Number.isNaN(spans[i]![0])) return;
    const [map, t] = i < groups.length ? [groupsOf, groups[i]!.tooling] : [lonersOf, u[0]!.tooling];
    (map.get(t) ?? map.set(t, []).get(t)!).push(i);
  });
  const blocks: CandidateBlock[] = [];
  for (const [tool, gs] of groupsOf) {
    const ls = (lonersOf.get(tool) ?? []).sort((x, y) => spans[x]![0] - spans[y]![0]);
    gs.forEach((g, k) => {
      const [lo, hi] = spans[g]!;
      const near = (i: number) => spans[i]![0] <= hi + params.marginMs && spans[i]![1] >= lo - params.marginMs;
      const from = lowerBound(ls, (i) => spans[i]![0] < lo - params.marginMs);
      const to = lowerBound(ls, (i) => spans[i]![0] <= hi + params.marginMs);
      const b = [...gs.slice(k + 1).filter(near), ...ls.slice(from, to)];
      if (b.length > 0) blocks.push({ a: [g], b });
    });
  }
  stats.units = units.length;
  stats.blocks = blocks.length;
  stats.pairsCompared = blocks.reduce((n, k) => n + k.b.length, 0);
  if (blocks.length === 0) return groups;
  const x = dictionaryVectors(units, credUse, scriptUse, profiles.length);
  const pairs = yield* similarPairsInBlocks(x, blocks, Math.min(params.minMergeCosine, params.minAttachCosine));

  const uf = new UnionFind(groups.length);
  const best = new Map<number, [group: number, sim: number]>();
  const minSim = new Float64Array(groups.length).fill(1);
  for (const [i, j, s] of pairs) {
    if (j < groups.length) {
      if (s < params.minMergeCosine) continue;
      uf.union(i, j);
      minSim[i] = Math.min(minSim[i]!, s);
      minSim[j] = Math.min(minSim[j]!, s);
    } else if (s >= params.minAttachCosine && !(best.get(j)?.[1]! >= s)) best.set(j, [i, s]);
  }
  const out: CampaignGroup[] = [];
  const rootGroup = new Map<number, CampaignGroup>();
  groups.forEach((g, gi) => {
    const r = uf.find(gi);
    const into = rootGroup.get(r);
    if (!into) {
      rootGroup.set(r, g);
      out.push(g);
      return;
    }
    stats.merged++;
    into.members.push(...g.members);
    into.subgroups += g.subgroups;
    into.mergeCosine = Math.min(into.mergeCosine ?? 1, minSim[gi]!, minSim[r]!);
    for (const [k, n] of g.bindingCreds) into.bindingCreds.set(k, (into.bindingCreds.get(k) ?? 0) + n);
    for (const [k, n] of g.bindingScripts) into.bindingScripts.set(k, (into.bindingScripts.get(k) ?? 0) + n);
  });
  for (const [u, [gi]] of best) {
    const g = rootGroup.get(uf.find(gi))!;
    g.members.push(units[u]![0]!);
    g.attachedBySimilarity++;
    stats.attached++;
  }
  out.forEach((g, gi) => g.members.forEach((m) => (groupOf[m.index] = gi)));
  return out;
}

function spanMs(members: readonly IpProfile[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const m of members) {
    const a = m.firstTs ? Date.parse(m.firstTs) : NaN;
    const b = m.lastTs ? Date.parse(m.lastTs) : a;
    if (a < lo) lo = a;
    if (b > hi) hi = b;
  }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}

/** How many leading elements of `list` satisfy `ok` (it holds for a prefix of the list). */
function lowerBound(list: readonly number[], ok: (i: number) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(list[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
