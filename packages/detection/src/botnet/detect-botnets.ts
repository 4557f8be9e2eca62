import { runPlan, runPlanSync, type KernelPlan, type KernelUse } from '../compute/kernel-plan.js';
import { buildIpProfiles, credLabel, spanOf, type IpProfile, type SessionStub } from '../data/ip-profiles.js';
import { slash16 } from '../data/ip-prefix.js';
import type { SessionRecord } from '../data/session-record.js';
import { findingId, stableHash } from '../data/stable-id.js';
import { UnionFind } from '../data/union-find.js';
import type { Finding } from '../types.js';
import { BOTNET_DEFAULTS, LINK_KINDS, type BotnetBackendOptions, type BotnetOptions, type LinkKind } from './botnet-options.js';
import { mergeByBehaviour, type BehaviourStats } from './behaviour-merge.js';

/** What {@link detectBotnets} returns: clusters by score, and counts for the run's stats. */
export interface BotnetResult {
  clusters: Finding[];
  stats: {
    sessions: number; ips: number; linkKeys: number; clusters: number;
    /** Credential links checked against behaviour: blocks, units, pairs compared, merges. */
    behaviour: BehaviourStats;
    /** Kernel calls and pairs computed, and on which backend (`js-inline`: the synchronous entry points). */
    kernel: KernelUse & { backend: string };
  };
}

/**
 * Find clusters of IPs that act as one: the same injected SSH key, download hash or URL, command
 * script, or a seldom-tried successful credential. IPs sharing a strong key are united
 * (union-find over key postings: linear, never pairwise); groups that only a credential links
 * are united when their behaviour is alike too (`mergeByBehaviour`: cosine inside each
 * credential's posting list, on the JS kernel here, on a backend with {@link detectBotnetsAsync}); clusters of `minIps` or more are scored
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
  const use = { calls: 0, pairs: 0 };
  return finish(runPlanSync(botnetPlan(profiles, options), use), use, 'js-inline');
}

/**
 * {@link detectBotnets} with its behaviour-similarity kernel on a compute backend
 * (`options.backend`). Same clusters on every backend within float tolerance; a kernel failure
 * is an error, never a silent fall-back.
 *
 * @example
 * ```ts
 * const { clusters, stats } = await detectBotnetsAsync(sessions, { backend: await resolveBackend({ forced: 'onnx-web' }) });
 * ```
 */
export function detectBotnetsAsync(sessions: SessionRecord[], options: BotnetBackendOptions = {}): Promise<BotnetResult> {
  const minScriptCommands = options.minScriptCommands ?? BOTNET_DEFAULTS.minScriptCommands;
  return detectBotnetsInProfilesAsync(buildIpProfiles(sessions, { links: { minScriptCommands } }), options);
}

/**
 * {@link detectBotnetsAsync} on per-IP profiles with links (see {@link detectBotnetsInProfiles}).
 *
 * @example
 * ```ts
 * await detectBotnetsInProfilesAsync(await loadIpProfiles(store, window, { links: { minScriptCommands: 3 } }), { backend });
 * ```
 */
export async function detectBotnetsInProfilesAsync(profiles: IpProfile[], options: BotnetBackendOptions = {}): Promise<BotnetResult> {
  const use = { calls: 0, pairs: 0 };
  if (!options.backend) return finish(runPlanSync(botnetPlan(profiles, options), use), use, 'js-inline');
  return finish(await runPlan(botnetPlan(profiles, options), options.backend, use), use, options.backend.name);
}

type Partial_ = Omit<BotnetResult, 'stats'> & { stats: Omit<BotnetResult['stats'], 'kernel'> };

function finish(r: Partial_, use: KernelUse, backend: string): BotnetResult {
  return { clusters: r.clusters, stats: { ...r.stats, kernel: { backend, ...use } } };
}

function* botnetPlan(profiles: IpProfile[], options: BotnetOptions): KernelPlan<Partial_> {
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
  const credentialPostings: number[][] = [];
  for (const [k, ips] of postings) {
    if (ips.length < 2) continue;
    const sep = k.indexOf('\u0001');
    const credential = k.slice(0, sep) === 'credential';
    if (credential && ((given ?? tried).get(k.slice(sep + 1)) ?? 0) > o.maxCredentialShare * nIps) continue;
    strong.push([k, ips]);
    if (credential) credentialPostings.push(ips);
    else for (let i = 1; i < ips.length; i++) uf.union(ips[0]!, ips[i]!);
  }
  const behaviour: BehaviourStats = { credentialBlocks: 0, units: 0, pairsCompared: 0, merged: 0 };
  if (o.minBehaviourCosine === false) for (const ips of credentialPostings) for (let i = 1; i < ips.length; i++) uf.union(ips[0]!, ips[i]!);
  else yield* mergeByBehaviour(profiles, uf, credentialPostings, o.minBehaviourCosine, behaviour);
  // Each key's IPs per cluster: a credential may now be shared by IPs of several clusters.
  const byRoot = new Map<number, Array<[string, number[]]>>();
  for (const [k, ips] of strong) {
    const split = new Map<number, number[]>();
    for (const i of ips) {
      const r = uf.find(i);
      (split.get(r) ?? split.set(r, []).get(r)!).push(i);
    }
    for (const [r, part] of split) {
      if (part.length < 2) continue;
      (byRoot.get(r) ?? byRoot.set(r, []).get(r)!).push([k, part]);
    }
  }
  progress({ step: 'scoring', processed: 2, total: 3 });
  const clusters: Finding[] = [];
  for (const members of uf.groups()) {
    if (members.length < o.minIps) continue;
    const keys = byRoot.get(uf.find(members[0]!)) ?? [];
    if (members.length < o.minCredentialOnlyIps && keys.every(([k]) => k.startsWith('credential\u0001'))) continue;
    clusters.push(describeCluster(members.map((i) => profiles[i]!), keys));
  }
  clusters.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  progress({ step: 'scoring', processed: 3, total: 3 });
  return { clusters, stats: { sessions, ips: nIps, linkKeys: strong.length, clusters: clusters.length, behaviour } };
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
