import { similarPairsInBlocks, type CandidateBlock } from '../compute/block-similarity.js';
import type { KernelPlan } from '../compute/kernel-plan.js';
import type { IpProfile } from '../data/ip-profiles.js';
import type { CampaignGroup } from './group-campaigns.js';
import { concurrentCandidates } from './concurrent-candidates.js';
import { ownedPairRows, ownedPairs } from './ownership-vectors.js';

/** Thresholds of the concurrent-attach step (see `SNOWSHOE_DEFAULTS.concurrent`). */
export interface ConcurrentParams {
  /** Only groups of at least this many IPs attach (reported ones: the step never creates a group). */
  minIps: number;
  /**
   * A pair is the group's own during its span when its members are at least this share of the
   * IPs of its fingerprint that tried it then (members and concurrent lone IPs).
   */
  minOwnership: number;
  /** A lone IP's whole activity must lie in the group's span, give or take this (ms). */
  marginMs: number;
}

/** What the step did, for the run's stats. */
export interface ConcurrentStats {
  /** Groups that had candidates (summed over rounds). */
  groups: number;
  /** Candidates sent to the kernel (summed over rounds). */
  candidates: number;
  attached: number;
}

/** Attaching grows the groups (and so what they own): re-evaluate a few times, then stop. */
const ROUNDS = 3;

/**
 * Attach lone low-volume IPs that a campaign's shared pairs miss but its time and tooling give
 * away. A low-distinctiveness campaign's IPs often try only common pairs, so nothing binds them;
 * but a campaign runs in one band of time, and while it runs the common pairs of its word list
 * are tried mostly by its own IPs of its fingerprint (that fingerprint's background tries its own
 * lists). So for each group (≥ `minIps`) the candidates are the lone IPs of its fingerprint
 * active only inside its span (± margin); a pair is the group's *own* during the span when its
 * members are at least `minOwnership` of the fingerprint's IPs that tried it then and the lone
 * ones tried it at least twice as often as in the week around (`ownedPairs`); a candidate that
 * tried an owned pair joins. The count of owned pairs each candidate tried is a cosine on
 * the compute backend (exact 0/1 rows, rescaled by their known norms). `root/123456` on a busy
 * client is owned by nobody, so a busy fingerprint attaches nothing. An IP that qualifies for
 * two groups joins the densest (members per hour: the likelier source of an IP seen then), and
 * the rounds let a dense campaign take its IPs before a sparse one's ownership is judged.
 *
 * @example
 * ```ts
 * runPlanSync(attachConcurrentPlan(profiles, lowVolume, groups, groupOf, { minIps: 8, minOwnership: 0.5, marginMs: 6 * 3600_000 }, stats));
 * ```
 */
export function* attachConcurrentPlan(profiles: IpProfile[], lowVolume: Uint8Array, groups: CampaignGroup[], groupOf: Int32Array,
  params: ConcurrentParams, stats: ConcurrentStats): KernelPlan<number> {
  let total = 0;
  // Ownership is judged on the members the group had before this step: IPs it attaches here
  // must not make more pairs its own (that would snowball into the background).
  const before = groups.map((g) => g.members.length);
  for (let round = 0; round < ROUNDS; round++) {
    const n = yield* attachRound(profiles, lowVolume, groups, groupOf, params, stats, before);
    total += n;
    if (n === 0) break;
  }
  stats.attached = total;
  return total;
}

function* attachRound(profiles: IpProfile[], lowVolume: Uint8Array, groups: CampaignGroup[], groupOf: Int32Array,
  params: ConcurrentParams, stats: ConcurrentStats, before: readonly number[]): KernelPlan<number> {
  const windows = concurrentCandidates(profiles, lowVolume, groups, groupOf, params);
  const at = (idx: readonly number[]) => idx.map((i) => profiles[i]!);
  const owned = windows.map((w) => ownedPairs(groups[w.group]!.members.slice(0, before[w.group]), at(w.candidates), at(w.flank), w.flankScale, params.minOwnership));
  // The kernel only sees candidates with something to find (on a busy client: almost none).
  const kept = windows.map((w, k) => w.candidates.filter((i) => [...profiles[i]!.credentials].some((c) => owned[k]!.has(c))));
  const lone = [...new Set(kept.flat())];
  stats.groups += kept.filter((c) => c.length > 0).length;
  stats.candidates += lone.length;
  if (lone.length === 0) return 0;
  const { x, norms, pairs } = ownedPairRows(owned, lone.map((i) => profiles[i]!));
  const rowOf = new Map(lone.map((p, k) => [p, windows.length + k]));
  const blocks: CandidateBlock[] = kept.map((c, k) => ({ a: [k], b: c.map((p) => rowOf.get(p)!) }));
  // Rows are 0/1, so a shared owned pair gives a cosine of at least 1/√(owned × pairs): far from 0.
  const sims = yield* similarPairsInBlocks(x, blocks, 1e-6);
  const best = new Map<number, { window: number; share: number }>();
  for (const [i, j, cos] of sims) {
    // cos × norms = owned pairs the IP tried; ÷ its pairs = the share reported as evidence.
    const share = Math.round(cos * norms[i]! * norms[j]!) / pairs[j]!;
    if (!(share > 0)) continue;
    const prev = best.get(j);
    if (!prev || windows[i]!.density > windows[prev.window]!.density) best.set(j, { window: i, share });
  }
  for (const [row, { window, share }] of best) {
    const p = profiles[lone[row - windows.length]!]!;
    const gi = windows[window]!.group;
    const g = groups[gi]!;
    g.members.push(p);
    g.attachedConcurrently++;
    g.minOwnedShare = Math.min(g.minOwnedShare ?? 1, share);
    groupOf[p.index] = gi;
  }
  return best.size;
}
