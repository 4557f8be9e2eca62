import { buildIpProfiles, credLabel, spanOf, type IpProfile, type SessionStub } from '../data/ip-profiles.js';
import { slash16 } from '../data/ip-prefix.js';
import type { SessionRecord } from '../data/session-record.js';
import { findingId, stableHash } from '../data/stable-id.js';
import { UnionFind } from '../data/union-find.js';
import type { Finding } from '../types.js';
import { BOTNET_DEFAULTS, LINK_KINDS, type BotnetOptions, type LinkKind } from './botnet-options.js';

/** What {@link detectBotnets} returns: clusters by score, and counts for the run's stats. */
export interface BotnetResult {
  clusters: Finding[];
  stats: { sessions: number; ips: number; linkKeys: number; clusters: number };
}

/**
 * Find clusters of IPs that act as one: the same injected SSH key, download hash or URL, command
 * script, or a seldom-tried successful credential. IPs sharing any such key are united
 * (union-find over key postings: linear, never pairwise); clusters of `minIps` or more are scored
 * by size, how many kinds of evidence they share and how much of the cluster shares its top key.
 *
 * @example
 * ```ts
 * const { clusters } = detectBotnets(await loadSessions(store, window));
 * clusters[0]?.evidence.shared; // { sshKey: [...], script: [...], … }
 * ```
 */
export function detectBotnets(sessions: SessionRecord[], options: BotnetOptions = {}): BotnetResult {
  const minScriptCommands = options.minScriptCommands ?? BOTNET_DEFAULTS.minScriptCommands;
  return detectBotnetsInProfiles(buildIpProfiles(sessions, { links: { minScriptCommands } }), options);
}

/**
 * {@link detectBotnets} on per-IP profiles that carry their strong links (`buildIpProfiles(sessions,
 * { links })`, or `loadIpProfiles(store, window, { links })` straight from a store). The profiles'
 * `links` must have been collected with the same `minScriptCommands`.
 *
 * @example
 * ```ts
 * const { clusters } = detectBotnetsInProfiles(await loadIpProfiles(store, window, { links: { minScriptCommands: 3 } }));
 * ```
 */
export function detectBotnetsInProfiles(profiles: IpProfile[], options: BotnetOptions = {}): BotnetResult {
  const o = { ...BOTNET_DEFAULTS, ...options };
  const progress = o.onProgress ?? (() => undefined);
  progress({ step: 'links', processed: 0, total: 3 });
  const nIps = profiles.length;
  // How many IPs tried each pair that succeeded somewhere (the credential rarity rule).
  // Counted here from every IP's pairs, or given (`loadIpProfiles` counts them in SQL).
  const given = o.triedBy;
  const tried = new Map<string, number>();
  if (!given) for (const p of profiles) for (const c of p.successes) tried.set(c, 0);
  const postings = new Map<string, number[]>(); // kind \u0001 value -> IP indexes
  let sessions = 0;
  for (const p of profiles) {
    if (!p.links) throw new TypeError('detectBotnetsInProfiles needs profiles built with links');
    sessions += p.sessionCount;
    if (!given && tried.size > 0) for (const c of p.credentials) if (tried.has(c)) tried.set(c, tried.get(c)! + 1);
    for (const k of p.links) {
      const l = postings.get(k);
      if (l) l.push(p.index);
      else postings.set(k, [p.index]);
    }
  }
  progress({ step: 'grouping', processed: 1, total: 3 });
  const uf = new UnionFind(nIps);
  const strong: Array<[string, number[]]> = [];
  for (const [k, ips] of postings) {
    if (ips.length < 2) continue;
    const sep = k.indexOf('\u0001');
    if (k.slice(0, sep) === 'credential' && ((given ?? tried).get(k.slice(sep + 1)) ?? 0) > o.maxCredentialShare * nIps) continue;
    strong.push([k, ips]);
    for (let i = 1; i < ips.length; i++) uf.union(ips[0]!, ips[i]!);
  }
  const byRoot = new Map<number, Array<[string, number[]]>>();
  for (const e of strong) {
    const r = uf.find(e[1][0]!);
    let l = byRoot.get(r);
    if (!l) byRoot.set(r, (l = []));
    l.push(e);
  }
  progress({ step: 'scoring', processed: 2, total: 3 });
  const clusters: Finding[] = [];
  for (const members of uf.groups()) {
    if (members.length < o.minIps) continue;
    clusters.push(describeCluster(members.map((i) => profiles[i]!), byRoot.get(uf.find(members[0]!)) ?? []));
  }
  clusters.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  progress({ step: 'scoring', processed: 3, total: 3 });
  return { clusters, stats: { sessions, ips: nIps, linkKeys: strong.length, clusters: clusters.length } };
}

function describeCluster(members: IpProfile[], keys: Array<[string, number[]]>): Finding {
  const n = members.length;
  const sorted = keys.map(([k, s]) => ({ k, n: s.length, kind: k.split('\u0001')[0] as LinkKind, value: k.split('\u0001')[1]! }))
    .sort((a, b) => b.n - a.n || LINK_KINDS.indexOf(a.kind) - LINK_KINDS.indexOf(b.kind) || (a.k < b.k ? -1 : 1));
  const shared: Record<string, unknown[]> = {};
  const kindsMajority = new Set<LinkKind>();
  for (const e of sorted) {
    if (e.n >= Math.max(2, n / 2)) kindsMajority.add(e.kind);
    const list = (shared[e.kind] ??= []);
    if (list.length >= 10) continue;
    if (e.kind === 'credential') list.push({ ...credLabel(e.value), ips: e.n });
    else if (e.kind === 'script') list.push({ fingerprint: stableHash(e.value).slice(0, 16), commands: e.value.split('\n').slice(0, 20), ips: e.n });
    else list.push({ value: e.value, ips: e.n });
  }
  const top = sorted[0]!;
  // Session stubs only when the profiles carry them (`loadFindingSessions` fills them otherwise).
  const sessions: SessionStub[] = members.flatMap((m) => m.sessions);
  const nSessions = members.reduce((a, m) => a + m.sessionCount, 0);
  const { firstSeen, lastSeen } = spanOf(members);
  const sizeF = 1 - Math.exp(-n / 5);
  const kindsF = Math.min(1, kindsMajority.size / 3);
  const coverF = top.n / n;
  const score = Math.round((0.35 * sizeF + 0.35 * kindsF + 0.3 * coverF) * 1e4) / 1e4;
  const nets = new Set(members.map((m) => slash16(m.ip)));
  const reasons = [
    `${n} IPs (${nets.size} /16 networks), ${nSessions} sessions`,
    ...[...kindsMajority].map((k) => `most IPs share the same ${KIND_WORDS[k]}`),
    `the most shared key (${KIND_WORDS[top.kind]}) covers ${top.n} of ${n} IPs`,
  ];
  return {
    id: findingId('botnet', 'cluster', top.k),
    detector: 'botnet', kind: 'cluster', score, firstSeen, lastSeen,
    summary: `botnet cluster: ${n} IPs sharing ${[...kindsMajority].map((k) => KIND_WORDS[k]).join(', ') || KIND_WORDS[top.kind]}`,
    evidence: { reasons, shared, sharedKinds: [...kindsMajority], slash16: nets.size, components: { size: r4(sizeF), kinds: r4(kindsF), coverage: r4(coverF) } },
    ips: members.map((m) => ({ ip: m.ip, sessions: m.sessionCount })).sort((a, b) => (a.ip < b.ip ? -1 : 1)),
    sessions: sessions.map((s) => ({ sensor: s.sensor, session: s.session })),
  };
}

const KIND_WORDS: Record<LinkKind, string> = { sshKey: 'injected SSH key', downloadHash: 'downloaded file hash', downloadUrl: 'download URL', script: 'command script', credential: 'successful credentials' };
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
