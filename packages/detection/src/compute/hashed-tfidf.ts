import type { Matrix } from './compute-backend.js';
import { hashString32 } from './minhash.js';

/** A document as token → weight (a count or a share of members); tokens are any strings. */
export type TokenWeights = ReadonlyMap<string, number>;

/**
 * Inverse document frequency, log(1 + n / df): a token every document has weighs ~log 2, one
 * document in n weighs log(1 + n). Smooth, so a token seen nowhere else is still finite.
 *
 * @example
 * ```ts
 * const w = idf(1000, 3); // ≈ 5.8
 * ```
 */
export function idf(documents: number, df: number): number {
  return Math.log(1 + documents / Math.max(1, df));
}

/**
 * Rows of TF-IDF weights hashed into `dims` columns (the "hashing trick": no vocabulary to build
 * or ship, the same token lands in the same column everywhere). A signed hash (a second hash
 * bit picks + or −) keeps collisions from adding up to false similarity on average. The rows
 * are not normalised: the cosine kernel does that.
 *
 * @example
 * ```ts
 * const x = hashedTfIdfRows([new Map([['c:root/x', 1]])], (t) => 2.3, 256); // 1 × 256
 * ```
 */
export function hashedTfIdfRows(docs: readonly TokenWeights[], weight: (token: string) => number, dims: number, seed = 0x5eed): Matrix {
  const data = new Float32Array(docs.length * dims);
  docs.forEach((doc, r) => {
    const o = r * dims;
    for (const [token, tf] of doc) {
      const h = hashString32(token, seed);
      const w = tf * weight(token);
      const c = o + (h % dims);
      data[c] = (data[c] as number) + (h & 0x80000000 ? -w : w);
    }
  });
  return { data, rows: docs.length, cols: dims };
}

/**
 * Character trigrams of a string, padded so short strings and their ends count (`^^a`, `ab$`):
 * mutations of one base word (`falcon42!root`, `root@falcon42`) share most of theirs.
 *
 * @example
 * ```ts
 * trigrams('abc'); // ['^^a', '^ab', 'abc', 'bc$']
 * ```
 */
export function trigrams(s: string): string[] {
  const p = `^^${s}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= p.length; i++) out.push(p.slice(i, i + 3));
  return out;
}
