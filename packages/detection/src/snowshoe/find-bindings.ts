import type { IpProfile } from '../data/ip-profiles.js';

/** How often one key (a credential pair or a script) was used, overall and in each tooling bucket. */
export interface KeyUse {
  /** IPs (any volume) that used it. */
  total: number;
  /** Low-volume IPs that used it, per tooling fingerprint. */
  byTooling: Map<string, number>;
  /** Distinct tooling fingerprints among all IPs that used it. */
  toolings: Set<string>;
}

/**
 * A key used under more fingerprints than this is a common pair every tool tries (root/admin),
 * even when one big campaign dominates its counts: it never binds, so two campaigns sharing
 * common pairs and a fingerprint are not merged through it.
 */
export const MAX_BINDING_TOOLINGS = 3;

/**
 * Count, for every credential pair and every command script, how many IPs used it in all and how
 * many low-volume IPs of each tooling fingerprint did. One pass over the profiles.
 *
 * @example
 * ```ts
 * const uses = countKeyUse(profiles, lowVolume, (p) => p.credentials);
 * uses.get(credKey('root', 'x'))?.total;
 * ```
 */
export function countKeyUse(profiles: IpProfile[], lowVolume: Uint8Array, keys: (p: IpProfile) => Iterable<string>): Map<string, KeyUse> {
  const out = new Map<string, KeyUse>();
  for (const p of profiles) {
    for (const k of keys(p)) {
      let u = out.get(k);
      if (!u) out.set(k, (u = { total: 0, byTooling: new Map(), toolings: new Set() }));
      u.total++;
      u.toolings.add(p.tooling);
      if (lowVolume[p.index]) u.byTooling.set(p.tooling, (u.byTooling.get(p.tooling) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * Whether `key` binds low-volume IPs of `tooling`: at least 2 of them used it, they are at
 * least `minConcentration` of everybody who used it, and few fingerprints use it at all.
 *
 * @example
 * ```ts
 * binds(uses.get(k), 'hassh|SSH-2.0-Go', 0.75);
 * ```
 */
export function binds(use: KeyUse | undefined, tooling: string, minConcentration: number): boolean {
  if (!use) return false;
  const n = use.byTooling.get(tooling) ?? 0;
  return n >= 2 && n / use.total >= minConcentration && use.toolings.size <= MAX_BINDING_TOOLINGS;
}
