import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKEND_NAMES,
  ComputeBackendError,
  matrixFromRows,
  nearestNeighbours,
  resolveBackend,
  sliceRows,
  type BackendName,
  type ComputeBackend,
  type Matrix,
} from '../../src/index.js';
import { maxRelError, randomMatrix, refCosine, refMatmul, refSqEuclidean } from './reference.js';

// One suite, every adapter: the same cases and tolerances (float32 results against float64
// references), and for the ONNX adapters proof that their sessions really ran.
const TOL = 2e-5;

describe.each(BACKEND_NAMES.map((n) => [n]))('compute backend %s', (name: BackendName) => {
  let backend: ComputeBackend;
  beforeAll(async () => {
    backend = await resolveBackend({ forced: name });
  });
  afterAll(async () => {
    await backend.dispose();
  });

  /** Runs fn and asserts the backend counted at least one real kernel run for it. */
  async function ran<T>(fn: () => Promise<T>): Promise<T> {
    const before = backend.runs;
    const out = await fn();
    expect(backend.runs).toBeGreaterThan(before);
    return out;
  }

  it('is the backend that was asked for, with sane capabilities', () => {
    expect(backend.name).toBe(name);
    expect(backend.capabilities.maxElements).toBeGreaterThanOrEqual(2 ** 24);
    expect(backend.capabilities.native).toBe(name === 'onnx-node');
    expect(backend.capabilities.wasm).toBe(name === 'onnx-web');
    expect(backend.capabilities.browser).toBe(name !== 'onnx-node');
  });

  it('computes small known distances, similarities and products exactly', async () => {
    const a = matrixFromRows([[0, 0], [1, 1], [3, 4]]);
    const b = matrixFromRows([[1, 0], [3, 4]]);
    expect(Array.from(await ran(() => backend.pairwiseSqEuclidean(a, b)))).toEqual([1, 25, 1, 13, 20, 0]);
    const cos = await ran(() => backend.pairwiseCosine(a, b));
    expect(cos[0]).toBe(0); // zero row
    expect(cos[5]).toBeCloseTo(1, 6);
    expect(cos[4]).toBeCloseTo(0.6, 6);
    const p = await ran(() => backend.matmul(a, matrixFromRows([[1, 2, 3], [4, 5, 6]])));
    expect([p.rows, p.cols]).toEqual([3, 3]);
    expect(Array.from(p.data)).toEqual([0, 0, 0, 5, 7, 9, 19, 26, 33]);
  });

  it('matches float64 references on random data within float32 tolerance', async () => {
    const a = randomMatrix(300, 24, 1, -3, 3);
    const b = randomMatrix(170, 24, 2, -3, 3);
    expect(maxRelError(await ran(() => backend.pairwiseSqEuclidean(a, b)), refSqEuclidean(a, b))).toBeLessThan(TOL);
    expect(maxRelError(await ran(() => backend.pairwiseCosine(a, b)), refCosine(a, b))).toBeLessThan(TOL);
    const c = randomMatrix(24, 40, 3);
    expect(maxRelError((await ran(() => backend.matmul(a, c))).data, refMatmul(a, c))).toBeLessThan(TOL);
  });

  it('never returns negative distances, and gives 0 for identical rows', async () => {
    // Large, nearly equal rows are where ‖x‖² + ‖y‖² − 2x·y cancels badly.
    const a = randomMatrix(64, 16, 4, 1000, 1001);
    const d = await ran(() => backend.pairwiseSqEuclidean(a, a));
    expect(Math.min(...d)).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < 64; i++) expect(d[i * 64 + i]).toBeLessThan(1);
  });

  it('gives cosine 0 for zero rows and not NaN', async () => {
    const a = matrixFromRows([[0, 0, 0], [1, 2, 3]]);
    const sims = await ran(() => backend.pairwiseCosine(a, a));
    expect(Array.from(sims).some(Number.isNaN)).toBe(false);
    expect([sims[0], sims[1], sims[2]]).toEqual([0, 0, 0]);
    expect(sims[3]).toBeCloseTo(1, 6);
  });

  it('accepts row-block views (subarrays) the same as copies', async () => {
    const a = randomMatrix(100, 8, 5);
    const view = sliceRows(a, 40, 70);
    const copy = { data: view.data.slice(), rows: view.rows, cols: view.cols };
    expect(Array.from(await backend.pairwiseSqEuclidean(view, a))).toEqual(Array.from(await backend.pairwiseSqEuclidean(copy, a)));
    expect(Array.from((await backend.matmul(view, randomMatrix(8, 3, 6))).data)).toEqual(
      Array.from((await backend.matmul(copy, randomMatrix(8, 3, 6))).data),
    );
  });

  it('handles empty inputs and rejects shapes that do not fit', async () => {
    const empty: Matrix = { data: new Float32Array(0), rows: 0, cols: 4 };
    expect((await backend.pairwiseSqEuclidean(empty, randomMatrix(3, 4, 7))).length).toBe(0);
    await expect(backend.pairwiseCosine(randomMatrix(2, 3, 8), randomMatrix(2, 4, 9))).rejects.toBeInstanceOf(ComputeBackendError);
    await expect(backend.matmul(randomMatrix(2, 3, 8), randomMatrix(2, 3, 9))).rejects.toMatchObject({ code: 'COMPUTE_SHAPE_MISMATCH' });
  });

  it('finds the same nearest neighbours as brute force, across tiles', async () => {
    const x = randomMatrix(230, 12, 10);
    const q = randomMatrix(57, 12, 11);
    const ref = refSqEuclidean(q, x);
    const nn = await ran(() => nearestNeighbours(backend, q, x, 4, 'sqeuclidean', { blockRows: 16, blockCols: 50 }));
    for (let i = 0; i < q.rows; i++) {
      const want = Array.from(ref.subarray(i * x.rows, (i + 1) * x.rows).keys())
        .sort((u, v) => (ref[i * x.rows + u] as number) - (ref[i * x.rows + v] as number))
        .slice(0, 4);
      expect(Array.from(nn.indices.subarray(i * 4, i * 4 + 4))).toEqual(want);
    }
    const self = await nearestNeighbours(backend, x, x, 1, 'cosine', { excludeSelf: true, blockRows: 64, blockCols: 64 });
    for (let i = 0; i < x.rows; i++) expect(self.indices[i]).not.toBe(i);
  });
});

describe.each([['onnx-node'], ['onnx-web']] as const)('fused top-k kernel on %s', (name) => {
  it('returns the same neighbours and values as brute force, for both metrics', async () => {
    const backend = await resolveBackend({ forced: name });
    expect(backend.pairwiseTopK).toBeTypeOf('function');
    const topK = backend.pairwiseTopK?.bind(backend) as NonNullable<ComputeBackend['pairwiseTopK']>;
    const x = randomMatrix(120, 10, 31);
    const q = randomMatrix(33, 10, 32);
    for (const metric of ['sqeuclidean', 'cosine'] as const) {
      const ref = metric === 'cosine' ? refCosine(q, x) : refSqEuclidean(q, x);
      const before = backend.runs;
      const got = await topK(q, x, 5, metric);
      expect(backend.runs).toBeGreaterThan(before);
      expect(got.k).toBe(5);
      for (let i = 0; i < q.rows; i++) {
        const row = Array.from(ref.subarray(i * x.rows, (i + 1) * x.rows));
        const order = row.map((_, j) => j).sort((u, v) => (metric === 'cosine' ? (row[v] as number) - (row[u] as number) : (row[u] as number) - (row[v] as number)));
        expect(Array.from(got.indices.subarray(i * 5, i * 5 + 5))).toEqual(order.slice(0, 5));
        expect(maxRelError(got.values.subarray(i * 5, i * 5 + 5), order.slice(0, 5).map((j) => row[j] as number))).toBeLessThan(TOL);
      }
    }
    const all = await topK(q, randomMatrix(3, 10, 33), 8, 'sqeuclidean');
    expect(all.k).toBe(3);
  });
});

describe('parity between backends on one larger case', () => {
  it('all backends agree on 1000×1000 pairwise distances at d = 32', async () => {
    const a = randomMatrix(1000, 32, 21);
    const results = new Map<BackendName, Float32Array>();
    for (const name of BACKEND_NAMES) results.set(name, await (await resolveBackend({ forced: name })).pairwiseSqEuclidean(a, a));
    const js = results.get('js') as Float32Array;
    expect(maxRelError(results.get('onnx-node') as Float32Array, js)).toBeLessThan(TOL);
    expect(maxRelError(results.get('onnx-web') as Float32Array, js)).toBeLessThan(TOL);
  });
});
