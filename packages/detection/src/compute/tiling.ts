import type { Matrix } from './compute-backend.js';
import { sliceRows } from './matrix.js';

/** A kernel over one pair of row blocks, returning a.rows × b.rows values. */
export type PairwiseKernel = (a: Matrix, b: Matrix) => Promise<Float32Array>;

/**
 * Runs a pairwise kernel in tiles so no single call produces more than `maxElements` values
 * (a WASM heap, say), and assembles the full a.rows × b.rows result. Row blocks of `a` come
 * first; `b` is only split when one row of output alone is too large.
 *
 * @example
 * ```ts
 * const d = await tiledPairwise(a, b, 1 << 24, (x, y) => runSession(x, y));
 * ```
 */
export async function tiledPairwise(a: Matrix, b: Matrix, maxElements: number, kernel: PairwiseKernel): Promise<Float32Array> {
  const n = a.rows;
  const m = b.rows;
  if (n * m <= maxElements || n === 0 || m === 0) return kernel(a, b);
  const out = new Float32Array(n * m);
  const colsPerTile = Math.min(m, maxElements);
  const rowsPerTile = Math.max(1, Math.floor(maxElements / colsPerTile));
  for (let r0 = 0; r0 < n; r0 += rowsPerTile) {
    const rowBlock = sliceRows(a, r0, r0 + rowsPerTile);
    for (let c0 = 0; c0 < m; c0 += colsPerTile) {
      const colBlock = sliceRows(b, c0, c0 + colsPerTile);
      const tile = await kernel(rowBlock, colBlock);
      if (colBlock.rows === m) {
        out.set(tile, r0 * m);
        continue;
      }
      for (let i = 0; i < rowBlock.rows; i++) {
        out.set(tile.subarray(i * colBlock.rows, (i + 1) * colBlock.rows), (r0 + i) * m + c0);
      }
    }
  }
  return out;
}

/**
 * a × b in row blocks of `a`, so each call produces at most `maxElements` values (b whole).
 *
 * @example
 * ```ts
 * const c = await tiledMatmul(a, b, 1 << 24, (x, y) => runSession(x, y));
 * ```
 */
export async function tiledMatmul(
  a: Matrix,
  b: Matrix,
  maxElements: number,
  kernel: (a: Matrix, b: Matrix) => Promise<Float32Array>,
): Promise<Matrix> {
  const n = a.rows;
  const m = b.cols;
  if (n * m <= maxElements || n === 0 || m === 0) return { data: await kernel(a, b), rows: n, cols: m };
  const out = new Float32Array(n * m);
  const rowsPerTile = Math.max(1, Math.floor(maxElements / m));
  for (let r0 = 0; r0 < n; r0 += rowsPerTile) {
    out.set(await kernel(sliceRows(a, r0, r0 + rowsPerTile), b), r0 * m);
  }
  return { data: out, rows: n, cols: m };
}
