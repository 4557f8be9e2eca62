import { credKey, credLabel } from '../data/ip-profiles.js';
import { slash16 } from '../data/ip-prefix.js';
import type { SessionRecord } from '../data/session-record.js';
import { findingId, stableHash } from '../data/stable-id.js';
import { UnionFind } from '../data/union-find.js';
import type { Finding } from '../types.js';
import { BOTNET_DEFAULTS, LINK_KINDS, type BotnetOptions, type LinkKind } from './botnet-options.js';
import { sessionLinks } from './session-links.js';

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
  const o = { ...BOTNET_DEFAULTS, ...options };
  const progress = o.onProgress ?? (() => undefined);
  progress({ step: 'links', processed: 0, total: 3 });
  const ipIndex = new Map<string, number>();
  const ipSessions: SessionRecord[][] = [];
  const tried = new Map<string, Set<number>>();
  const postings = new Map<string, Set<number>>(); // kind \u0001 value -> IP indexes
  for (const s of sessions) {
    if (!s.srcIp) continue;
    let i = ipIndex.get(s.srcIp);
    if (i === undefined) {
      ipIndex.set(s.srcIp, (i = ipSessions.length));
      ipSessions.push([]);
    }
    ipSessions[i]!.push(s);
    for (const c of s.credentials) {
      const k = credKey(c.username, c.password);
      let t = tried.get(k);
      if (!t) tried.set(k, (t = new Set()));
      t.add(i);
    }
    for (const l of sessionLinks(s, o.minScriptCommands)) {
      const k = `${l.kind}\u0001${l.value}`;
      let p = postings.get(k);
      if (!p) postings.set(k, (p = new Set()));
      p.add(i);
    }
  }
  const nIps = ipSessions.length;
  progress({ step: 'grouping', processed: 1, total: 3 });
  const uf = new UnionFind(nIps);
  const strong: Array<[string, Set<number>]> = [];
  for (const [k, ips] of postings) {
    if (ips.size < 2) continue;
    const [kind, value] = k.split('\u0001') as [LinkKind, string];
    if (kind === 'credential' && (tried.get(value)?.size ?? 0) > o.maxCredentialShare * nIps) continue;
    strong.push([k, ips]);
    let first = -1;
    for (const i of ips) first = first < 0 ? i : (uf.union(first, i), first);
  }
  const byRoot = new Map<number, Array<[string, Set<number>]>>();
  for (const e of strong) {
    const r = uf.find(e[1].values().next().value!);
    let l = byRoot.get(r);
    if (!l) byRoot.set(r, (l = []));
    l.push(e);
  }
  progress({ step: 'scoring', processed: 2, total: 3 });
  const ips = [...ipIndex.keys()];
  const clusters: Finding[] = [];
  for (const members of uf.groups()) {
    if (members.length < o.minIps) continue;
    clusters.push(describeCluster(members, byRoot.get(uf.find(members[0]!)) ?? [], ips, ipSessions));
  }
  clusters.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  progress({ step: 'scoring', processed: 3, total: 3 });
  return { clusters, stats: { sessions: sessions.length, ips: nIps, linkKeys: strong.length, clusters: clusters.length } };
}

function describeCluster(members: number[], keys: Array<[string, Set<number>]>, ips: string[], ipSessions: SessionRecord[][]): Finding {
  const n = members.length;
  const sorted = keys.map(([k, s]) => ({ k, n: s.size, kind: k.split('\u0001')[0] as LinkKind, value: k.split('\u0001')[1]! }))
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
  const sessions = members.flatMap((i) => ipSessions[i]!);
  const times = sessions.map((s) => s.firstTs).filter((t): t is string => !!t).sort();
  const lasts = sessions.map((s) => s.lastTs ?? s.firstTs).filter((t): t is string => !!t).sort();
  const sizeF = 1 - Math.exp(-n / 5);
  const kindsF = Math.min(1, kindsMajority.size / 3);
  const coverF = top.n / n;
  const score = Math.round((0.35 * sizeF + 0.35 * kindsF + 0.3 * coverF) * 1e4) / 1e4;
  const nets = new Set(members.map((i) => slash16(ips[i]!)));
  const reasons = [
    `${n} IPs (${nets.size} /16 networks), ${sessions.length} sessions`,
    ...[...kindsMajority].map((k) => `most IPs share the same ${KIND_WORDS[k]}`),
    `the most shared key (${KIND_WORDS[top.kind]}) covers ${top.n} of ${n} IPs`,
  ];
  return {
    id: findingId('botnet', 'cluster', top.k),
    detector: 'botnet', kind: 'cluster', score, firstSeen: times[0] ?? null, lastSeen: lasts[lasts.length - 1] ?? null,
    summary: `botnet cluster: ${n} IPs sharing ${[...kindsMajority].map((k) => KIND_WORDS[k]).join(', ') || KIND_WORDS[top.kind]}`,
    evidence: { reasons, shared, sharedKinds: [...kindsMajority], slash16: nets.size, components: { size: r4(sizeF), kinds: r4(kindsF), coverage: r4(coverF) } },
    ips: members.map((i) => ({ ip: ips[i]!, sessions: ipSessions[i]!.length })).sort((a, b) => (a.ip < b.ip ? -1 : 1)),
    sessions: sessions.map((s) => ({ sensor: s.sensor, session: s.session })),
  };
}

const KIND_WORDS: Record<LinkKind, string> = { sshKey: 'injected SSH key', downloadHash: 'downloaded file hash', downloadUrl: 'download URL', script: 'command script', credential: 'successful credentials' };
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
