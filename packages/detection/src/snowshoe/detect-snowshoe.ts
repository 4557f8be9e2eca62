import { buildIpProfiles, type IpProfile } from '../data/ip-profiles.js';
import type { SessionRecord } from '../data/session-record.js';
import { findingId } from '../data/stable-id.js';
import type { Finding } from '../types.js';
import { describeCampaign } from './describe-campaign.js';
import { groupCampaigns } from './group-campaigns.js';
import { SNOWSHOE_DEFAULTS, type SnowshoeOptions } from './snowshoe-options.js';

/** What {@link detectSnowshoe} returns: campaigns by score, and counts for the run's stats. */
export interface SnowshoeResult {
  campaigns: Finding[];
  stats: { sessions: number; ips: number; lowVolumeIps: number; candidateGroups: number; campaigns: number };
}

/**
 * Find snowshoe campaigns: many low-volume IPs bound by a shared credential dictionary (or a
 * shared command script) under one tooling fingerprint. Linear in sessions: profiles per IP,
 * key counts, union-find inside fingerprint buckets; browser-safe (plain data in, plain data out).
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
  const groups = groupCampaigns(profiles, lowVolume, { minConcentration: o.minConcentration, attach: o.attach });
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
  return { campaigns, stats: { sessions, ips: profiles.length, lowVolumeIps: low, candidateGroups: groups.length, campaigns: campaigns.length } };
}
