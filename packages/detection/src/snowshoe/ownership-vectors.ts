import type { Matrix } from '../compute/compute-backend.js';
import type { IpProfile } from '../data/ip-profiles.js';

/**
 * The pairs a group owns while it runs: tried by at least `minOwnership` of the IPs of its
 * fingerprint that tried them then (its members and the concurrent lone IPs), and by the lone
 * IPs at least twice as often as that fingerprint's background would (expected from the flanks:
 * `flank` count × `flankScale`). The second test keeps a pair that the background tries all the
 * time, at the campaign's rate or more, from being anyone's.
 *
 * @example
 * ```ts
 * ownedPairs(members, candidates, flank, 0.2, 0.5).has(credKey('root', 'tech1234'));
 * ```
 */
export function ownedPairs(members: readonly IpProfile[], concurrent: readonly IpProfile[], flank: readonly IpProfile[], flankScale: number, minOwnership: number): Set<string> {
  const used = new Map<string, [members: number, concurrent: number, flank: number]>();
  for (const m of members) for (const c of m.credentials) (used.get(c) ?? used.set(c, [0, 0, 0]).get(c)!)[0]++;
  const count = (ps: readonly IpProfile[], k: 1 | 2) => {
    for (const p of ps) {
      for (const c of p.credentials) {
        const u = used.get(c);
        if (u) u[k]++;
      }
    }
  };
  count(concurrent, 1);
  count(flank, 2);
  return new Set([...used].filter(([, [m, l, f]]) => m / (m + l) >= minOwnership && l >= 2 * f * flankScale).map(([c]) => c));
}

/** Rows for the kernel and what rescales their cosines back to counts of owned pairs. */
export interface OwnedPairRows {
  /** Group rows first (one per owned set), then one row per lone IP. */
  x: Matrix;
  /** Euclidean norm of every row. */
  norms: Float64Array;
  /** Distinct pairs of every row's IP (0 for group rows). */
  pairs: Float64Array;
}

/**
 * Exact (unhashed) 0/1 rows over the union of the groups' owned pairs plus one column for
 * everything else: a group row marks the pairs it owns, a lone IP's row the pairs it tried (its
 * other pairs folded into the last column as √count, so its norm stays √pairs). Cosine × both
 * norms is then the number of owned pairs the IP tried: the kernel computes it, the caller
 * rescales. Unhashed because a hash collision would give a background IP a pair it never tried.
 *
 * @example
 * ```ts
 * const { x, norms, pairs } = ownedPairRows([new Set([credKey('root', 'tech1234')])], candidates);
 * ```
 */
export function ownedPairRows(owned: ReadonlyArray<ReadonlySet<string>>, lone: readonly IpProfile[]): OwnedPairRows {
  const col = new Map<string, number>();
  for (const set of owned) for (const c of set) if (!col.has(c)) col.set(c, col.size);
  const cols = col.size + 1;
  const rows = owned.length + lone.length;
  const data = new Float32Array(rows * cols);
  const norms = new Float64Array(rows);
  const pairs = new Float64Array(rows);
  owned.forEach((set, r) => {
    for (const c of set) data[r * cols + col.get(c)!] = 1;
    norms[r] = Math.sqrt(set.size);
  });
  lone.forEach((p, k) => {
    const r = owned.length + k;
    let outside = 0;
    for (const c of p.credentials) {
      const j = col.get(c);
      if (j === undefined) outside++;
      else data[r * cols + j] = 1;
    }
    data[r * cols + cols - 1] = Math.sqrt(outside);
    pairs[r] = p.credentials.size;
    norms[r] = Math.sqrt(p.credentials.size);
  });
  return { x: { data, rows, cols }, norms, pairs };
}
