import type { IpProfile } from '../data/ip-profiles.js';
import { UnionFind } from '../data/union-find.js';
import { binds, countKeyUse, type KeyUse } from './find-bindings.js';

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
  credUse: Map<string, KeyUse>;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Group low-volume IPs into candidate campaigns. IPs are linked only inside one tooling
 * fingerprint and only through a credential pair or command script concentrated on them
 * (see `binds`), with union-find: linear in IPs × pairs, never pairwise over IPs. A
 * shared fingerprint alone links nothing. Then IPs of the same fingerprint whose every pair
 * (two or more) lies in a group's dictionary, inside its time span ± 1 day, are attached.
 *
 * @example
 * ```ts
 * const groups = groupCampaigns(profiles, lowVolume, { minConcentration: 0.75, attach: true });
 * ```
 */
export function groupCampaigns(profiles: IpProfile[], lowVolume: Uint8Array, opts: { minConcentration: number; attach: boolean }): CampaignGroup[] {
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
  const groups: CampaignGroup[] = [];
  const groupOf = new Int32Array(profiles.length).fill(-1);
  for (const idx of uf.groups()) {
    if (idx.length < 2 || !lowVolume[idx[0]!]) continue;
    const members = idx.map((i) => profiles[i]!);
    const g: CampaignGroup = { tooling: members[0]!.tooling, members, bindingCreds: new Map(), bindingScripts: new Map(), attached: 0, credUse };
    for (const m of members) {
      for (const c of m.credentials) if (binds(credUse.get(c), g.tooling, opts.minConcentration)) g.bindingCreds.set(c, (g.bindingCreds.get(c) ?? 0) + 1);
      for (const s of m.scripts) if (binds(scriptUse.get(s), g.tooling, opts.minConcentration)) g.bindingScripts.set(s, (g.bindingScripts.get(s) ?? 0) + 1);
      groupOf[m.index] = groups.length;
    }
    groups.push(g);
  }
  // Attaching grows the dictionaries, which may attach more: a few rounds until nothing changes.
  for (let round = 0; opts.attach && round < 4; round++) if (attachByDictionary(profiles, lowVolume, groups, groupOf) === 0) break;
  return groups;
}

function attachByDictionary(profiles: IpProfile[], lowVolume: Uint8Array, groups: CampaignGroup[], groupOf: Int32Array): number {
  // Dictionary of a group: the pairs its members tried (bound or not), per tooling: pair -> group ids.
  const dict = new Map<string, Map<string, number[]>>();
  const spans: Array<[number, number]> = [];
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
  });
  const joins: Array<[IpProfile, number]> = [];
  for (const p of profiles) {
    if (!lowVolume[p.index] || groupOf[p.index] !== -1 || p.credentials.size < 2) continue;
    const byPair = dict.get(p.tooling);
    if (!byPair) continue;
    const hits = new Map<number, number>();
    for (const c of p.credentials) for (const gi of byPair.get(c) ?? []) hits.set(gi, (hits.get(gi) ?? 0) + 1);
    if (hits.size === 0) continue;
    const t = p.firstTs ? Date.parse(p.firstTs) : NaN;
    const full = [...hits].filter(([gi, n]) => n === p.credentials.size && (Number.isNaN(t) || (t >= spans[gi]![0] && t <= spans[gi]![1])));
    // Ambiguous between two campaigns: leave it out rather than guess.
    if (full.length === 1) joins.push([p, full[0]![0]]);
  }
  for (const [p, gi] of joins) {
    groups[gi]!.members.push(p);
    groups[gi]!.attached++;
    groupOf[p.index] = gi;
  }
  return joins.length;
}
