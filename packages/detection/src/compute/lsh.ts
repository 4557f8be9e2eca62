import { fmix32, type MinHashSignatures } from './minhash.js';

/**
 * LSH banding over MinHash signatures: the signature is cut into `bands` bands of
 * numHashes / bands rows; rows whose signatures agree on a whole band share a bucket. Two sets
 * with Jaccard similarity s collide in at least one band with probability 1 − (1 − s^r)^b.
 * Returns the buckets with at least two members (row indices ascending), each distinct member
 * list once, in a deterministic order. Empty sets join no bucket.
 *
 * @example
 * ```ts
 * const sig = minhashSignatures(credentialSets, 128, 7);
 * for (const members of lshBuckets(sig, 32)) compareExactly(members);
 * ```
 */
export function lshBuckets(sig: MinHashSignatures, bands: number): number[][] {
  const r = Math.floor(sig.numHashes / bands);
  if (bands < 1 || r < 1) throw new RangeError(`lshBuckets: ${bands} bands do not fit ${sig.numHashes} hashes`);
  const out: number[][] = [];
  const seen = new Set<string>();
  for (let band = 0; band < bands; band++) {
    // Key on a 32-bit band hash, then confirm equality of the band's values: collisions of the
    // hash itself must not merge unrelated rows.
    const groups = new Map<number, number[][]>();
    for (let row = 0; row < sig.rows; row++) {
      if (sig.empty[row]) continue;
      const o = row * sig.numHashes + band * r;
      let h = band;
      for (let t = 0; t < r; t++) h = fmix32((h ^ (sig.data[o + t] as number)) + t);
      const lists = groups.get(h);
      if (!lists) {
        groups.set(h, [[row]]);
        continue;
      }
      const match = lists.find((l) => sameBand(sig, l[0] as number, row, band * r, r));
      if (match) match.push(row);
      else lists.push([row]);
    }
    for (const lists of groups.values()) {
      for (const members of lists) {
        if (members.length < 2) continue;
        const key = members.join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(members);
      }
    }
  }
  return out;
}

function sameBand(sig: MinHashSignatures, a: number, b: number, start: number, r: number): boolean {
  const oa = a * sig.numHashes + start;
  const ob = b * sig.numHashes + start;
  for (let t = 0; t < r; t++) if (sig.data[oa + t] !== sig.data[ob + t]) return false;
  return true;
}
