import type { ComputeBackend, Matrix, NeighbourMetric } from './compute-backend.js';
import { ComputeBackendError } from './compute-error.js';
import { checkPairwise, sliceRows } from './matrix.js';
import { TopK } from './top-k.js';

/** Options of {@link nearestNeighbours}. */
export interface NearestNeighboursOptions {
  /** Skip j = i (a and b are the same rows, and a row should not be its own neighbour). */
  excludeSelf?: boolean;
  /** Rows of `a` per tile (default 2048). */
  blockRows?: number;
  /** Rows of `b` per tile (default 8192); tiles are blockRows × blockCols, so memory is bounded. */
  blockCols?: number;
}

/**
 * k nearest rows of `b` for every row of `a`, with `-1` / NaN padding when b has fewer than k
 * rows. `values` are squared distances (ascending) or cosine similarities (descending).
 */
export interface Neighbours {
  k: number;
  rows: number;
  /** rows × k indices into b, row-major. */
  indices: Int32Array;
  /** rows × k distances or similarities, aligned with `indices`. */
  values: Float32Array;
}

/**
 * k nearest neighbours of each row of `a` among the rows of `b`, computed tile by tile
 * (blockRows × blockCols kernel calls on the backend), so memory stays bounded whatever the
 * sizes: only one tile and the k best per row are held. Ties keep the lower index.
 *
 * @example
 * ```ts
 * const backend = await resolveBackend();
 * const nn = await nearestNeighbours(backend, x, x, 5, 'sqeuclidean', { excludeSelf: true });
 * const firstNeighbourOfRow3 = nn.indices[3 * nn.k];
 * ```
 */
export async function nearestNeighbours(
  backend: ComputeBackend,
  a: Matrix,
  b: Matrix,
  k: number,
  metric: NeighbourMetric,
  opts: NearestNeighboursOptions = {},
): Promise<Neighbours> {
  checkPairwise(a, b);
  if (!Number.isInteger(k) || k < 0) throw new ComputeBackendError('COMPUTE_SHAPE_MISMATCH', `k must be a whole number ≥ 0, got ${k}`);
  const blockRows = Math.max(1, Math.min(opts.blockRows ?? 2048, a.rows));
  const blockCols = Math.max(1, Math.min(opts.blockCols ?? 8192, Math.floor(backend.capabilities.maxElements / blockRows)));
  const largest = metric === 'cosine';
  const indices = new Int32Array(a.rows * k).fill(-1);
  const values = new Float32Array(a.rows * k).fill(Number.NaN);
  const tops = Array.from({ length: blockRows }, () => new TopK(k, largest));

  for (let r0 = 0; r0 < a.rows; r0 += blockRows) {
    const rowBlock = sliceRows(a, r0, r0 + blockRows);
    for (let i = 0; i < rowBlock.rows; i++) tops[i]?.reset();
    for (let c0 = 0; c0 < b.rows; c0 += blockCols) {
      const colBlock = sliceRows(b, c0, c0 + blockCols);
      if (backend.pairwiseTopK) {
        // Fused path: the backend returns only each row's best candidates of this tile (one
        // extra when the row itself may be among them), and they are merged across tiles here.
        const want = Math.min(colBlock.rows, k + (opts.excludeSelf ? 1 : 0));
        if (want === 0) continue;
        const best = await backend.pairwiseTopK(rowBlock, colBlock, want, metric);
        for (let i = 0; i < rowBlock.rows; i++) {
          const top = tops[i] as TopK;
          for (let t = i * best.k; t < (i + 1) * best.k; t++) {
            const j = c0 + (best.indices[t] as number);
            if (!(opts.excludeSelf && j === r0 + i)) top.push(j, best.values[t] as number);
          }
        }
        continue;
      }
      const tile =
        metric === 'cosine'
          ? await backend.pairwiseCosine(rowBlock, colBlock)
          : await backend.pairwiseSqEuclidean(rowBlock, colBlock);
      for (let i = 0; i < rowBlock.rows; i++) {
        const top = tops[i] as TopK;
        const self = r0 + i;
        const o = i * colBlock.rows;
        for (let j = 0; j < colBlock.rows; j++) {
          if (opts.excludeSelf && c0 + j === self) continue;
          top.push(c0 + j, tile[o + j] as number);
        }
      }
    }
    for (let i = 0; i < rowBlock.rows; i++) {
      const top = tops[i] as TopK;
      indices.set(top.indices.subarray(0, top.size), (r0 + i) * k);
      values.set(top.values.subarray(0, top.size), (r0 + i) * k);
    }
  }
  return { k, rows: a.rows, indices, values };
}
