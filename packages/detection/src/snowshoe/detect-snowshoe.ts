import { runPlan, runPlanSync, type KernelPlan, type KernelUse } from '../compute/kernel-plan.js';
import { buildIpProfiles, type IpProfile } from '../data/ip-profiles.js';
import type { SessionRecord } from '../data/session-record.js';
import { findingId } from '../data/stable-id.js';
import type { Finding } from '../types.js';
import { describeCampaign } from './describe-campaign.js';
import { groupCampaignsPlan } from './group-campaigns.js';
import type { ConcurrentStats } from './concurrent-attach.js';
import type { SimilarityStats } from './similarity-merge.js';
import { SNOWSHOE_DEFAULTS, type SnowshoeBackendOptions, type SnowshoeOptions } from './snowshoe-options.js';

/** What {@link detectSnowshoe} returns: campaigns by score, and counts for the run's stats. */
export interface SnowshoeResult {
  campaigns: Finding[];
  stats: {
    sessions: number; ips: number; lowVolumeIps: number; candidateGroups: number; campaigns: number;
    /** The dictionary-similarity step: units, candidate blocks, pairs compared, merges, attachments. */
    similarity: SimilarityStats;
    /** The concurrent-attach step: groups with candidates, candidates sent to the kernel, IPs attached. */
    concurrent: ConcurrentStats;
    /** Kernel calls and pairs computed, and on which backend (`js-inline`: the synchronous entry points). */
    kernel: KernelUse & { backend: string };
  };
}

/**
 * Find snowshoe campaigns: many low-volume IPs bound by a shared credential dictionary (or a
 * shared command script) under one tooling fingerprint. Linear in sessions: profiles per IP,
 * key counts, union-find inside fingerprint buckets, then dictionary similarity inside candidate
 * blocks (the JS kernel, synchronously; {@link detectSnowshoeAsync} runs it on a backend).
 * Browser-safe (plain data in, plain data out).
 *
 * @example
 * ```ts
 * const { campaigns } = detectSnowshoe(await loadSessions(store, window));
 * campaigns[0]?.ips.length;
 * ```
 */
export function detectSnowshoe(sessions: SessionRecord[], options: SnowshoeOptions = {}): SnowshoeResult {
  return detectSnowshoeInProfiles(buildIpProfiles(sessions), options);
}

/**
 * {@link detectSnowshoe} on per-IP profiles (`buildIpProfiles(sessions)`, or `loadIpProfiles`
 * straight from a store, which reads far less than `loadSessions`).
 *
 * @example
 * ```ts
 * const { campaigns } = detectSnowshoeInProfiles(await loadIpProfiles(store, window));
 * ```
 */
export function detectSnowshoeInProfiles(profiles: IpProfile[], options: SnowshoeOptions = {}): SnowshoeResult {
  const use = { calls: 0, pairs: 0 };
  return finish(runPlanSync(snowshoePlan(profiles, options), use), use, 'js-inline');
}

/**
 * {@link detectSnowshoe} with its similarity kernels on a compute backend (`options.backend`,
 * e.g. `await resolveBackend({ forced: 'onnx-node' })`). Same campaigns on every backend
 * within float tolerance; a kernel failure is an error, never a silent fall-back.
 *
 * @example
 * ```ts
 * const { campaigns, stats } = await detectSnowshoeAsync(sessions, { backend });
 * stats.kernel.calls; // kernel runs made on `backend`
 * ```
 */
export function detectSnowshoeAsync(sessions: SessionRecord[], options: SnowshoeBackendOptions = {}): Promise<SnowshoeResult> {
  return detectSnowshoeInProfilesAsync(buildIpProfiles(sessions), options);
}

/**
 * {@link detectSnowshoeAsync} on per-IP profiles.
 *
 * @example
 * ```ts
 * await detectSnowshoeInProfilesAsync(await loadIpProfiles(store, window), { backend });
 * ```
 */
export async function detectSnowshoeInProfilesAsync(profiles: IpProfile[], options: SnowshoeBackendOptions = {}): Promise<SnowshoeResult> {
  const use = { calls: 0, pairs: 0 };
  if (!options.backend) return finish(runPlanSync(snowshoePlan(profiles, options), use), use, 'js-inline');
  return finish(await runPlan(snowshoePlan(profiles, options), options.backend, use), use, options.backend.name);
}

type Partial_ = Omit<SnowshoeResult, 'stats'> & { stats: Omit<SnowshoeResult['stats'], 'kernel'> };

function finish(r: Partial_, use: KernelUse, backend: string): SnowshoeResult {
  return { campaigns: r.campaigns, stats: { ...r.stats, kernel: { backend, ...use } } };
}

function* snowshoePlan(profiles: IpProfile[], options: SnowshoeOptions): KernelPlan<Partial_> {
  const o = { ...SNOWSHOE_DEFAULTS, ...options };
  const progress = o.onProgress ?? (() => undefined);
  progress({ step: 'profiles', processed: 0, total: 3 });
  const lowVolume = new Uint8Array(profiles.length);
  const toolingCount = new Map<string, number>();
  let low = 0;
  let sessions = 0;
  for (const p of profiles) {
    sessions += p.sessionCount;
    if (p.sessionCount <= o.maxSessionsPerIp && p.loginAttempts <= o.maxAttemptsPerIp && p.loginAttempts > 0) {
      lowVolume[p.index] = 1;
      low++;
      toolingCount.set(p.tooling, (toolingCount.get(p.tooling) ?? 0) + 1);
    }
  }
  progress({ step: 'grouping', processed: 1, total: 3 });
  const similarity: SimilarityStats = { units: 0, blocks: 0, pairsCompared: 0, merged: 0, attached: 0 };
  const params = o.similarity === false ? undefined : { ...SNOWSHOE_DEFAULTS.similarity, ...o.similarity };
  const concurrent: ConcurrentStats = { groups: 0, candidates: 0, attached: 0 };
  const timing = o.concurrent === false ? undefined : { minIps: o.minIps, ...SNOWSHOE_DEFAULTS.concurrent, ...o.concurrent };
  const groups = yield* groupCampaignsPlan(profiles, lowVolume, { minConcentration: o.minConcentration, attach: o.attach, similarity: params, concurrent: timing }, similarity, concurrent);
  progress({ step: 'scoring', processed: 2, total: 3 });
  const campaigns = groups
    .filter((g) => g.members.length >= o.minIps)
    .map((g) => describeCampaign(g, { toolingShare: (toolingCount.get(g.tooling) ?? 0) / Math.max(1, low), ipInfo: o.ipInfo }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  // Two campaigns of one fingerprint split by time may share their top pairs, so their id too:
  // tell the later ones apart by when they started (still the same on a re-run).
  const seen = new Set<string>();
  for (const c of campaigns) {
    if (seen.has(c.id)) c.id = findingId('snowshoe', 'campaign', `${c.id}\u0002${c.firstSeen ?? ''}`);
    seen.add(c.id);
  }
  progress({ step: 'scoring', processed: 3, total: 3 });
  return { campaigns, stats: { sessions, ips: profiles.length, lowVolumeIps: low, candidateGroups: groups.length, campaigns: campaigns.length, similarity, concurrent } };
}
