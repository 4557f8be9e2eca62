import { credLabel } from '../data/ip-profiles.js';
import { slash16 } from '../data/ip-prefix.js';
import { findingId, stableHash } from '../data/stable-id.js';
import type { Finding } from '../types.js';
import { spanOf } from '../data/ip-profiles.js';
import type { CampaignGroup } from './group-campaigns.js';
import type { IpInfo } from './snowshoe-options.js';

const median = (xs: number[]): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Turn a candidate group into a scored snowshoe finding with its evidence and reasons. The
 * score (0..1) weighs size (saturating), how much of the group is bound by concentrated
 * evidence, spread over /16s, low volume per IP and how rare its tooling fingerprint is (IDF
 * weight: a fingerprint everyone uses adds nothing).
 *
 * @example
 * ```ts
 * const finding = describeCampaign(group, { toolingShare: 0.02 });
 * finding.evidence.reasons; // ['40 IPs in 40 /16 networks', …]
 * ```
 */
export function describeCampaign(g: CampaignGroup, ctx: { toolingShare: number; ipInfo?: Map<string, IpInfo> }): Finding {
  const n = g.members.length;
  // Session stubs only when the profiles carry them (`loadFindingSessions` fills them otherwise).
  const sessions = g.members.flatMap((m) => m.sessions);
  const sessionsPerIp = g.members.map((m) => m.sessionCount);
  const attemptsPerIp = g.members.map((m) => m.loginAttempts);
  const nets = new Set(g.members.map((m) => slash16(m.ip)));
  const asns = new Set<string>();
  const countries = new Set<string>();
  for (const m of g.members) {
    const info = ctx.ipInfo?.get(m.ip);
    if (info?.asn != null) asns.add(String(info.asn));
    if (info?.country) countries.add(info.country);
  }
  const { firstSeen, lastSeen } = spanOf(g.members);
  const spanHours = firstSeen && lastSeen ? (Date.parse(lastSeen) - Date.parse(firstSeen)) / 3.6e6 : 0;
  const bound = g.members.filter((m) => [...m.credentials].some((c) => g.bindingCreds.has(c)) || [...m.scripts].some((s) => g.bindingScripts.has(s))).length;
  const [hassh, clientVersion] = g.tooling.split('|');

  const dictionary = [...g.bindingCreds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const scripts = [...g.bindingScripts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const sizeF = 1 - Math.exp(-n / 10);
  const bindF = bound / n;
  const spreadF = Math.min(1, nets.size / n / 0.5);
  const lowF = sessionsPerIp.filter((x) => x <= 3).length / n;
  const toolF = 1 - Math.min(1, ctx.toolingShare);
  const score = Math.round((0.3 * sizeF + 0.3 * bindF + 0.15 * spreadF + 0.15 * lowF + 0.1 * toolF) * 1e4) / 1e4;
  const reasons = [
    `${n} IPs in ${nets.size} /16 networks${asns.size ? `, ${asns.size} ASNs` : ''}${countries.size ? `, ${countries.size} countries` : ''}`,
    `median ${median(sessionsPerIp)} sessions and ${median(attemptsPerIp)} login attempts per IP`,
    dictionary.length ? `${dictionary.length} credential pairs shared across IPs and seldom used by anyone else` : '',
    scripts.length ? `${scripts.length} command scripts shared across IPs` : '',
    `${bound} of ${n} IPs bound by that evidence${g.attached ? `, ${g.attached} attached because all their pairs are in the dictionary` : ''}`,
    g.subgroups > 1 ? `${g.subgroups} sub-groups with no shared pair merged because their dictionaries are alike (cosine ≥ ${round(g.mergeCosine ?? 0)})` : '',
    g.attachedBySimilarity ? `${g.attachedBySimilarity} IPs with a pair nobody else tried joined because it resembles the dictionary` : '',
    g.attachedConcurrently ? `${g.attachedConcurrently} IPs of this tooling active only during the campaign joined because, while it ran, they tried pairs that mostly its own IPs tried (≥ ${Math.round((g.minOwnedShare ?? 0) * 100)} % of each one's pairs)` : '',
    `tooling ${clientVersion || '(no client version)'}${hassh ? ` / HASSH ${hassh}` : ''} used by ${(ctx.toolingShare * 100).toFixed(1)} % of low-volume IPs`,
    `active over ${spanHours.toFixed(1)} h`,
  ].filter(Boolean);
  // What binds it: the fingerprint plus its three most shared pairs (scripts when it has no pairs).
  const bindKey = [g.tooling, ...(dictionary.length ? dictionary : scripts).slice(0, 3).map(([k]) => k).sort()].join('\u0002');
  return {
    id: findingId('snowshoe', 'campaign', bindKey),
    detector: 'snowshoe', kind: 'campaign', score, firstSeen, lastSeen,
    summary: `snowshoe campaign: ${n} low-volume IPs in ${nets.size} /16s sharing ${dictionary.length} credential pairs (${clientVersion || 'unknown client'})`,
    evidence: {
      reasons,
      credentialDictionary: dictionary.slice(0, 50).map(([k, ips]) => ({ ...credLabel(k), ips })),
      sharedPairs: dictionary.length,
      hassh: hassh || null,
      clientVersion: clientVersion || null,
      toolingShare: round(ctx.toolingShare),
      commandFingerprints: scripts.slice(0, 10).map(([s, ips]) => ({ fingerprint: stableHash(s).slice(0, 16), commands: s.split('\n').slice(0, 10), ips })),
      timing: { firstSeen, lastSeen, spanHours: round(spanHours) },
      volume: { sessions: sessionsPerIp.reduce((a, b) => a + b, 0), medianSessionsPerIp: median(sessionsPerIp), maxSessionsPerIp: Math.max(...sessionsPerIp), medianAttemptsPerIp: median(attemptsPerIp) },
      spread: { slash16: nets.size, asns: asns.size || null, countries: countries.size || null },
      boundIps: bound, attachedIps: g.attached,
      similarity: { subgroups: g.subgroups, minMergeCosine: g.mergeCosine === undefined ? null : round(g.mergeCosine), attachedIps: g.attachedBySimilarity },
      concurrent: { attachedIps: g.attachedConcurrently, minOwnedShare: g.minOwnedShare === undefined ? null : round(g.minOwnedShare) },
      components: { size: round(sizeF), binding: round(bindF), spread: round(spreadF), lowVolume: round(lowF), toolingRarity: round(toolF) },
    },
    ips: g.members.map((m) => ({ ip: m.ip, sessions: m.sessionCount })).sort((a, b) => (a.ip < b.ip ? -1 : 1)),
    sessions: sessions.map((s) => ({ sensor: s.sensor, session: s.session })),
  };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
