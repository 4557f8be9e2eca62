import type { Matrix } from './compute-backend.js';

/** `zscore`: (x − mean) / std; `robust`: (x − median) / IQR, for heavy-tailed counts. */
export type ScalingMethod = 'zscore' | 'robust';

/** Per-column centre and scale, so the same scaling can be applied to other data. */
export interface Scaling {
  method: ScalingMethod;
  center: Float64Array;
  scale: Float64Array;
}

/**
 * Fits a per-column scaling. NaN (and ±Infinity) values are ignored when fitting. A column whose
 * spread is zero gets scale 1, so it maps to 0 instead of dividing by zero. A robust scale falls
 * back to the standard deviation when the IQR is 0 (a column that is mostly one value).
 *
 * @example
 * ```ts
 * const s = fitScaling(baseline, 'robust');
 * const scaledWindow = applyScaling(windowMatrix, s);
 * ```
 */
export function fitScaling(m: Matrix, method: ScalingMethod = 'zscore'): Scaling {
  const center = new Float64Array(m.cols);
  const scale = new Float64Array(m.cols).fill(1);
  const column = new Float64Array(m.rows);
  for (let j = 0; j < m.cols; j++) {
    let n = 0;
    for (let i = 0; i < m.rows; i++) {
      const v = m.data[i * m.cols + j] as number;
      if (Number.isFinite(v)) column[n++] = v;
    }
    if (n === 0) continue;
    const values = column.subarray(0, n);
    const { mean, std } = meanStd(values);
    if (method === 'robust') {
      values.sort();
      center[j] = quantile(values, 0.5);
      const iqr = quantile(values, 0.75) - quantile(values, 0.25);
      scale[j] = iqr > 0 ? iqr : std > 0 ? std : 1;
    } else {
      center[j] = mean;
      scale[j] = std > 0 ? std : 1;
    }
  }
  return { method, center, scale };
}

/**
 * Applies a fitted scaling; a non-finite value becomes 0 (the column's centre), so one missing
 * feature never poisons a distance.
 *
 * @example
 * ```ts
 * const scaled = applyScaling(m, fitScaling(m, 'zscore'));
 * ```
 */
export function applyScaling(m: Matrix, s: Scaling): Matrix {
  const out = new Float32Array(m.rows * m.cols);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const v = m.data[i * m.cols + j] as number;
      out[i * m.cols + j] = Number.isFinite(v) ? (v - (s.center[j] as number)) / (s.scale[j] as number) : 0;
    }
  }
  return { data: out, rows: m.rows, cols: m.cols };
}

/**
 * Scales every column of a matrix (z-score by default, or robust median/IQR) and returns the
 * scaled copy with the fitted scaling. NaN-safe: see {@link fitScaling} and {@link applyScaling}.
 *
 * @example
 * ```ts
 * const { matrix, scaling } = standardize(features, 'robust');
 * ```
 */
export function standardize(m: Matrix, method: ScalingMethod = 'zscore'): { matrix: Matrix; scaling: Scaling } {
  const scaling = fitScaling(m, method);
  return { matrix: applyScaling(m, scaling), scaling };
}

function meanStd(values: Float64Array): { mean: number; std: number } {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  return { mean, std: Math.sqrt(ss / values.length) };
}

/** Linear-interpolated quantile of sorted values (the "type 7" rule most tools use). */
function quantile(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  return a + ((sorted[hi] as number) - a) * (pos - lo);
}
