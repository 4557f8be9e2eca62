import type { Matrix } from './compute-backend.js';
import { ComputeBackendError } from './compute-error.js';

/**
 * Builds a {@link Matrix} from rows of numbers (all rows must have the same length).
 *
 * @example
 * ```ts
 * const m = matrixFromRows([[1, 2], [3, 4]]); // { rows: 2, cols: 2, data: Float32Array [1, 2, 3, 4] }
 * ```
 */
export function matrixFromRows(rows: ArrayLike<number>[], cols?: number): Matrix {
  const c = cols ?? rows[0]?.length ?? 0;
  const data = new Float32Array(rows.length * c);
  rows.forEach((row, i) => {
    if (row.length !== c) {
      throw new ComputeBackendError('COMPUTE_SHAPE_MISMATCH', `row ${i} has ${row.length} values, expected ${c}`, { row: i });
    }
    for (let j = 0; j < c; j++) data[i * c + j] = row[j] as number;
  });
  return { data, rows: rows.length, cols: c };
}

/**
 * Rows [start, end) of a matrix, sharing its buffer (no copy).
 *
 * @example
 * ```ts
 * const block = sliceRows(m, 0, 2048);
 * ```
 */
export function sliceRows(m: Matrix, start: number, end: number): Matrix {
  const e = Math.min(end, m.rows);
  return { data: m.data.subarray(start * m.cols, e * m.cols), rows: e - start, cols: m.cols };
}

/** Throws a clear error unless `m.data` holds exactly rows × cols values. */
export function checkMatrix(m: Matrix, label: string): void {
  if (!Number.isInteger(m.rows) || !Number.isInteger(m.cols) || m.rows < 0 || m.cols < 0) {
    throw new ComputeBackendError('COMPUTE_SHAPE_MISMATCH', `${label}: bad shape ${m.rows}×${m.cols}`, { label });
  }
  if (m.data.length !== m.rows * m.cols) {
    throw new ComputeBackendError(
      'COMPUTE_SHAPE_MISMATCH',
      `${label}: data has ${m.data.length} values, shape ${m.rows}×${m.cols} needs ${m.rows * m.cols}`,
      { label, rows: m.rows, cols: m.cols, length: m.data.length },
    );
  }
}

/** Checks two matrices whose rows are compared pairwise (same number of columns). */
export function checkPairwise(a: Matrix, b: Matrix): void {
  checkMatrix(a, 'a');
  checkMatrix(b, 'b');
  if (a.cols !== b.cols) {
    throw new ComputeBackendError('COMPUTE_SHAPE_MISMATCH', `pairwise: a has ${a.cols} columns, b has ${b.cols}`, {
      aCols: a.cols,
      bCols: b.cols,
    });
  }
}

/** Checks a matrix product a × b (a.cols = b.rows). */
export function checkMatmul(a: Matrix, b: Matrix): void {
  checkMatrix(a, 'a');
  checkMatrix(b, 'b');
  if (a.cols !== b.rows) {
    throw new ComputeBackendError('COMPUTE_SHAPE_MISMATCH', `matmul: a is ${a.rows}×${a.cols}, b is ${b.rows}×${b.cols}`, {
      a: [a.rows, a.cols],
      b: [b.rows, b.cols],
    });
  }
}
