/**
 * MinHash signatures and LSH banding for set similarity (credential dictionaries, command sets,
 * URL sets): candidate groups are found in near-linear time instead of comparing all pairs.
 * Deterministic for a given seed, pure JS, browser-safe.
 */

/** rows × numHashes minimum hash values, row-major. */
export interface MinHashSignatures {
  data: Uint32Array;
  rows: number;
  numHashes: number;
  /** Rows whose set was empty (their signature is all 0xffffffff and they join no bucket). */
  empty: Uint8Array;
}

const EMPTY = 0xffffffff;

/**
 * 32-bit FNV-1a over UTF-16 code units, then murmur3's finaliser for avalanche. Stable across
 * platforms and runs (a seed gives an independent hash family).
 *
 * @example
 * ```ts
 * const bucket = hashString32('root:123456', 7) % 1024;
 * ```
 */
export function hashString32(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/**
 * murmur3 fmix32: a bijection on 32-bit values with full avalanche.
 *
 * @example
 * ```ts
 * const mixed = fmix32(0x12345678);
 * ```
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** splitmix32-style seeded generator for the per-hash salts. */
function salts(count: number, seed: number): Uint32Array {
  const out = new Uint32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    out[i] = fmix32(state);
  }
  return out;
}

/**
 * MinHash signature of each set: for hash i, the minimum over the set's elements of
 * fmix32(hash(element) XOR salt_i). The same seed gives the same signatures everywhere.
 *
 * @example
 * ```ts
 * const sig = minhashSignatures([['root:123456', 'admin:admin'], ['root:123456']], 64, 42);
 * const buckets = lshBuckets(sig, 16);
 * ```
 */
export function minhashSignatures(sets: ReadonlyArray<Iterable<string>>, numHashes: number, seed = 0): MinHashSignatures {
  const rows = sets.length;
  const data = new Uint32Array(rows * numHashes).fill(EMPTY);
  const empty = new Uint8Array(rows);
  const salt = salts(numHashes, seed);
  for (let r = 0; r < rows; r++) {
    const o = r * numHashes;
    let any = false;
    for (const element of sets[r] as Iterable<string>) {
      any = true;
      const base = hashString32(element, seed);
      for (let i = 0; i < numHashes; i++) {
        const h = fmix32(base ^ (salt[i] as number));
        if (h < (data[o + i] as number)) data[o + i] = h;
      }
    }
    if (!any) empty[r] = 1;
  }
  return { data, rows, numHashes, empty };
}

/**
 * Estimated Jaccard similarity of rows i and j: the share of equal signature positions.
 *
 * @example
 * ```ts
 * const j = estimateJaccard(sig, 0, 1); // ≈ |A ∩ B| / |A ∪ B|
 * ```
 */
export function estimateJaccard(sig: MinHashSignatures, i: number, j: number): number {
  if (sig.empty[i] || sig.empty[j]) return 0;
  let same = 0;
  const a = i * sig.numHashes;
  const b = j * sig.numHashes;
  for (let h = 0; h < sig.numHashes; h++) if (sig.data[a + h] === sig.data[b + h]) same++;
  return same / sig.numHashes;
}

/**
 * Exact Jaccard similarity of two sets (|A ∩ B| / |A ∪ B|; two empty sets give 0).
 *
 * @example
 * ```ts
 * jaccard(new Set(['a', 'b']), new Set(['b', 'c'])); // 1/3
 * ```
 */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
