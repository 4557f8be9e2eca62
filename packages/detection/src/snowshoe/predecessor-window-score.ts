import type { IpProfile } from '../data/ip-profiles.js';
import type { SessionRecord } from '../data/session-record.js';
import type { IpInfo } from './snowshoe-options.js';

/** The predecessor's single verdict for a whole window (cowrieprocessor `snowshoe.py`). */
export interface PredecessorWindowScore {
  isLikelySnowshoe: boolean;
  score: number;
  uniqueIps: number;
  singleAttemptRatio: number;
  lowVolumeRatio: number;
  coordination: number;
  hasClustering: boolean;
  diversity: number;
  recommendation: string;
}

/**
 * Reproduce the predecessor's snowshoe window score, for comparison: `0.4·single_ratio +
 * 0.3·diversity + 0.2·[timing clustered] + 0.1·low_volume_ratio`, yes when ≥ `sensitivity`
 * (0.7). Timing is 1-D DBSCAN (eps 360 s, min_samples 5) over session start times; diversity is
 * (countries/IPs + ASNs/IPs)/2 from `ipInfo` (0 without enrichment, as on the predecessor's real
 * data). It names no IPs: that is the gap the campaign detector closes.
 *
 * @example
 * ```ts
 * predecessorWindowScore(sessions).isLikelySnowshoe; // one yes/no for the window
 * ```
 */
export function predecessorWindowScore(sessions: SessionRecord[], opts: PredecessorOptions = {}): PredecessorWindowScore {
  const perIp = new Map<string, number>();
  for (const s of sessions) if (s.srcIp) perIp.set(s.srcIp, (perIp.get(s.srcIp) ?? 0) + 1);
  return windowScore(perIp, sessions.map((s) => s.firstTs), opts);
}

/**
 * {@link predecessorWindowScore} on per-IP profiles (sessions without a source IP are not in
 * profiles, so their start times are left out). Profiles read by `loadIpProfiles` carry no
 * session stubs: pass their start times as `starts` (`loadIpProfiles(…, { starts })` collects them).
 *
 * @example
 * ```ts
 * const starts: string[] = [];
 * predecessorWindowScoreOfProfiles(await loadIpProfiles(store, window, { starts }), { starts }).score;
 * ```
 */
export function predecessorWindowScoreOfProfiles(profiles: IpProfile[], opts: PredecessorOptions & { starts?: Array<string | null> } = {}): PredecessorWindowScore {
  let starts = opts.starts;
  if (!starts) {
    starts = profiles.flatMap((p) => p.sessions.map((s) => s.firstTs));
    // Clustering nothing would quietly score "no timing": refuse instead.
    if (starts.length < profiles.reduce((a, p) => a + p.sessionCount, 0)) throw new TypeError('predecessorWindowScoreOfProfiles: profiles without session stubs need opts.starts (loadIpProfiles collects them)');
  }
  return windowScore(new Map(profiles.map((p) => [p.ip, p.sessionCount])), starts, opts);
}

/** Options of {@link predecessorWindowScore}: enrichment for diversity, and the yes/no threshold (0.7). */
export interface PredecessorOptions {
  ipInfo?: Map<string, IpInfo>;
  sensitivity?: number;
}

function windowScore(perIp: Map<string, number>, starts: Array<string | null>, opts: PredecessorOptions): PredecessorWindowScore {
  const n = perIp.size;
  if (n < 10) {
    return { isLikelySnowshoe: false, score: 0, uniqueIps: n, singleAttemptRatio: 0, lowVolumeRatio: 0, coordination: 0, hasClustering: false, diversity: 0, recommendation: 'NO DATA: Insufficient data for analysis' };
  }
  let single = 0;
  let lowVol = 0;
  for (const c of perIp.values()) {
    if (c === 1) single++;
    if (c <= 5) lowVol++;
  }
  const times = Float64Array.from(starts.filter((t): t is string => !!t), (t) => Date.parse(t) / 1000).filter((t) => !Number.isNaN(t)).sort();
  const { clustered, clusters } = dbscan1d(times, 360, 5);
  const coordination = times.length >= 5 ? clustered / times.length : 0;
  const hasClustering = clusters > 0 && coordination > 0.3;
  const countries = new Set<string>();
  const asns = new Set<string>();
  for (const ip of perIp.keys()) {
    const i = opts.ipInfo?.get(ip);
    if (i?.country) countries.add(i.country);
    if (i?.asn != null) asns.add(String(i.asn));
  }
  const diversity = (countries.size / n + asns.size / n) / 2;
  const raw = 0.4 * (single / n) + 0.3 * diversity + 0.2 * (hasClustering ? 1 : 0) + 0.1 * (lowVol / n);
  const score = Math.round(Math.min(raw, 1) * 1e6) / 1e6;
  const recommendation = score >= 0.8 ? 'HIGH CONFIDENCE: Likely snowshoe attack detected. Immediate investigation recommended.'
    : score >= 0.6 ? 'MODERATE CONFIDENCE: Possible snowshoe attack detected. Monitor closely.'
      : score >= 0.4 ? 'LOW CONFIDENCE: Some snowshoe indicators present. Continue monitoring.'
        : 'NO DETECTION: No significant snowshoe attack indicators found.';
  return { isLikelySnowshoe: score >= (opts.sensitivity ?? 0.7), score, uniqueIps: n, singleAttemptRatio: single / n, lowVolumeRatio: lowVol / n, coordination, hasClustering, diversity, recommendation };
}

/** DBSCAN on sorted 1-D points: how many points are in clusters, and how many clusters. */
function dbscan1d(xs: Float64Array, eps: number, minSamples: number): { clustered: number; clusters: number } {
  const n = xs.length;
  const core = new Uint8Array(n);
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    while (xs[i]! - xs[lo]! > eps) lo++;
    if (hi < i) hi = i;
    while (hi + 1 < n && xs[hi + 1]! - xs[i]! <= eps) hi++;
    if (hi - lo + 1 >= minSamples) core[i] = 1;
  }
  // Distance to the nearest core point on each side; clusters are chains of cores within eps.
  const nextCore = new Float64Array(n).fill(Infinity);
  let next = Infinity;
  for (let i = n - 1; i >= 0; i--) {
    if (core[i]) next = xs[i]!;
    nextCore[i] = next;
  }
  let prev = -Infinity;
  let clustered = 0;
  let clusters = 0;
  for (let i = 0; i < n; i++) {
    if (core[i]) {
      if (xs[i]! - prev > eps) clusters++;
      prev = xs[i]!;
    }
    if (xs[i]! - prev <= eps || nextCore[i]! - xs[i]! <= eps) clustered++;
  }
  return { clustered, clusters };
}
