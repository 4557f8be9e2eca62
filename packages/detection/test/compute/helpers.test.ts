import { describe, expect, it } from 'vitest';
import {
  applyScaling,
  createJsBackend,
  estimateJaccard,
  fitScaling,
  jaccard,
  lshBuckets,
  matrixFromRows,
  minhashSignatures,
  standardize,
} from '../../src/index.js';
import { tiledMatmul, tiledPairwise } from '../../src/compute/tiling.js';
import { TopK } from '../../src/compute/top-k.js';
import { maxRelError, randomMatrix, refMatmul, refSqEuclidean, rng } from './reference.js';

describe('standardize', () => {
  it('z-scores columns: mean 0, std 1; a constant column maps to 0', () => {
    const { matrix, scaling } = standardize(matrixFromRows([[1, 5], [2, 5], [3, 5]]));
    expect(Array.from(scaling.center)).toEqual([2, 5]);
    expect(scaling.scale[0]).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(scaling.scale[1]).toBe(1);
    expect(Array.from(matrix.data).map((v) => Number(v.toFixed(5)))).toEqual([-1.22474, 0, 0, 0, 1.22474, 0]);
  });

  it('robust scaling uses median and IQR, so one huge outlier does not squash the rest', () => {
    const m = matrixFromRows([[1], [2], [3], [4], [1000]]);
    const s = fitScaling(m, 'robust');
    expect(s.center[0]).toBe(3);
    expect(s.scale[0]).toBe(2); // q75 = 4, q25 = 2
    const z = fitScaling(m, 'zscore');
    expect(z.scale[0]).toBeGreaterThan(300);
  });

  it('is NaN-safe: NaN and Infinity are ignored when fitting and become 0 when applied', () => {
    const m = matrixFromRows([[1, Number.NaN], [3, 2], [Number.POSITIVE_INFINITY, 4], [2, Number.NaN]]);
    const s = fitScaling(m, 'zscore');
    expect(s.center[0]).toBe(2);
    expect(s.center[1]).toBe(3);
    const out = applyScaling(m, s);
    expect(Array.from(out.data).some((v) => !Number.isFinite(v))).toBe(false);
    expect(out.data[1]).toBe(0);
    expect(out.data[4]).toBe(0);
    // An all-NaN column keeps centre 0 and scale 1.
    const allNaN = fitScaling(matrixFromRows([[Number.NaN], [Number.NaN]]), 'robust');
    expect([allNaN.center[0], allNaN.scale[0]]).toEqual([0, 1]);
  });

  it('robust scale falls back to the std when the IQR is 0', () => {
    const s = fitScaling(matrixFromRows([[0], [0], [0], [0], [0], [10]]), 'robust');
    expect(s.center[0]).toBe(0);
    expect(s.scale[0]).toBeCloseTo(Math.sqrt(500 / 36), 6); // population std of five 0s and one 10
  });
});

describe('MinHash and LSH', () => {
  const sets = [
    ['root:123456', 'root:admin', 'admin:admin', 'ubnt:ubnt', 'pi:raspberry', 'root:root', 'user:user', 'test:test'],
    ['root:123456', 'root:admin', 'admin:admin', 'ubnt:ubnt', 'pi:raspberry', 'root:root', 'user:user', 'oracle:oracle'],
    ['git:git', 'postgres:postgres', 'hadoop:hadoop'],
    [],
    ['root:123456', 'root:admin', 'admin:admin', 'ubnt:ubnt', 'pi:raspberry', 'root:root', 'user:user', 'test:test'],
  ];

  it('is deterministic for a seed and differs across seeds', () => {
    const a = minhashSignatures(sets, 64, 7);
    expect(minhashSignatures(sets, 64, 7).data).toEqual(a.data);
    expect(minhashSignatures(sets, 64, 8).data).not.toEqual(a.data);
    expect(Array.from(a.empty)).toEqual([0, 0, 0, 1, 0]);
  });

  it('estimates Jaccard similarity', () => {
    const sig = minhashSignatures(sets, 256, 1);
    expect(estimateJaccard(sig, 0, 4)).toBe(1);
    expect(estimateJaccard(sig, 0, 1)).toBeGreaterThan(0.6); // exact 7/9 ≈ 0.78
    expect(estimateJaccard(sig, 0, 1)).toBeLessThan(0.95);
    expect(estimateJaccard(sig, 0, 2)).toBeLessThan(0.1);
    expect(estimateJaccard(sig, 3, 3)).toBe(0);
    expect(jaccard(new Set(sets[0]), new Set(sets[1]))).toBeCloseTo(7 / 9, 12);
  });

  it('buckets near-duplicate sets together, never empty sets, each member list once', () => {
    const sig = minhashSignatures(sets, 128, 3);
    const buckets = lshBuckets(sig, 32);
    expect(buckets).toContainEqual([0, 4]);
    expect(buckets.some((b) => b.includes(0) && b.includes(1))).toBe(true);
    expect(buckets.some((b) => b.includes(2) || b.includes(3))).toBe(false);
    expect(new Set(buckets.map((b) => b.join(','))).size).toBe(buckets.length);
    expect(() => lshBuckets(sig, 256)).toThrow(RangeError);
  });

  it('scales near-linearly: 20k sets with 50 planted groups of 10', () => {
    const r = rng(99);
    const groups = Array.from({ length: 50 }, (_, g) => Array.from({ length: 12 }, (_, i) => `g${g}-cred${i}`));
    const all: string[][] = [];
    for (let i = 0; i < 20_000; i++) {
      if (i % 400 < 10) all.push(groups[Math.floor(i / 400)] as string[]);
      else all.push(Array.from({ length: 6 }, () => `bg${Math.floor(r() * 1e6)}`));
    }
    const t = performance.now();
    const buckets = lshBuckets(minhashSignatures(all, 64, 5), 16);
    // A generous bound (the machine is shared): quadratic pair checks over 20k sets would take minutes.
    expect(performance.now() - t).toBeLessThan(15_000);
    for (let g = 0; g < 50; g++) {
      const members = Array.from({ length: 10 }, (_, i) => g * 400 + i);
      expect(buckets).toContainEqual(members);
    }
    // Background sets that happen to share a token can collide in a band (candidates, to be
    // verified exactly); they stay few and never mix with a planted group.
    const planted = (i: number) => i % 400 < 10;
    const extra = buckets.filter((b) => !planted(b[0] as number));
    expect(extra.length).toBeLessThan(20);
    expect(extra.every((b) => b.every((i) => !planted(i)))).toBe(true);
  });
});

describe('tiling and top-k', () => {
  const js = createJsBackend();

  it('tiled pairwise equals one big call, whether rows or rows and columns are split', async () => {
    const a = randomMatrix(37, 5, 1);
    const b = randomMatrix(29, 5, 2);
    const ref = refSqEuclidean(a, b);
    const kernel = (x: typeof a, y: typeof b) => js.pairwiseSqEuclidean(x, y);
    for (const max of [100, 29, 10, 1]) expect(maxRelError(await tiledPairwise(a, b, max, kernel), ref)).toBeLessThan(1e-6);
    const c = randomMatrix(5, 7, 3);
    const mm = await tiledMatmul(a, c, 20, (x, y) => js.matmul(x, y).then((m) => m.data));
    expect(maxRelError(mm.data, refMatmul(a, c))).toBeLessThan(1e-6);
  });

  it('keeps the k smallest (or largest) values with ties on the lower index', () => {
    const top = new TopK(3, false);
    [5, 1, 3, 1, 0.5, 9, Number.NaN].forEach((v, i) => top.push(i, v));
    expect(Array.from(top.indices)).toEqual([4, 1, 3]);
    const high = new TopK(2, true);
    [5, 1, 9, 9].forEach((v, i) => high.push(i, v));
    expect(Array.from(high.indices)).toEqual([2, 3]);
  });
});
