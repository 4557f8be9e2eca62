import type { Matrix } from '../compute-backend.js';

// Tight Float32Array loops: node20-versions §3.3 measured them ~1.7× faster than ml-matrix for
// pairwise distances. Sums accumulate in float64 (JS numbers) and are stored as float32.

/** Squared L2 norm of every row. */
export function rowSqNorms(m: Matrix): Float64Array {
  const out = new Float64Array(m.rows);
  const { data, cols } = m;
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    const o = i * cols;
    for (let k = 0; k < cols; k++) {
      const v = data[o + k] as number;
      s += v * v;
    }
    out[i] = s;
  }
  return out;
}

/**
 * a.rows × b.rows squared distances. The difference form avoids the cancellation of
 * ‖x‖² + ‖y‖² − 2x·y for near rows; copying the current a-row into a Float64Array first makes
 * it as fast as the dot form (measured 290 vs 314 ms at 3000², d = 16).
 */
export function sqEuclidean(a: Matrix, b: Matrix): Float32Array {
  const { rows: n, cols: d } = a;
  const m = b.rows;
  const out = new Float32Array(n * m);
  const xr = new Float64Array(d);
  const y = b.data;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) xr[k] = a.data[i * d + k] as number;
    const ro = i * m;
    for (let j = 0; j < m; j++) {
      let yo = j * d;
      let s = 0;
      for (let k = 0; k < d; k++, yo++) {
        const t = (xr[k] as number) - (y[yo] as number);
        s += t * t;
      }
      out[ro + j] = s;
    }
  }
  return out;
}

/** a.rows × b.rows cosine similarities; a zero row gives 0 against everything. */
export function cosine(a: Matrix, b: Matrix): Float32Array {
  const { rows: n, cols: d } = a;
  const m = b.rows;
  const na = rowSqNorms(a);
  const nb = rowSqNorms(b);
  for (let j = 0; j < m; j++) nb[j] = Math.sqrt(nb[j] as number);
  const out = new Float32Array(n * m);
  const xr = new Float64Array(d);
  const y = b.data;
  for (let i = 0; i < n; i++) {
    const ni = Math.sqrt(na[i] as number);
    if (ni === 0) continue;
    // The a-row is pre-divided by its norm, so each pair costs one dot product and one division.
    for (let k = 0; k < d; k++) xr[k] = (a.data[i * d + k] as number) / ni;
    const ro = i * m;
    for (let j = 0; j < m; j++) {
      const nj = nb[j] as number;
      if (nj === 0) continue;
      let yo = j * d;
      let s = 0;
      for (let k = 0; k < d; k++, yo++) s += (xr[k] as number) * (y[yo] as number);
      out[ro + j] = s / nj;
    }
  }
  return out;
}

/** a × b with the i-k-j loop order, so the inner loop walks both b and the output row contiguously. */
export function matmul(a: Matrix, b: Matrix): Matrix {
  const n = a.rows;
  const inner = a.cols;
  const m = b.cols;
  const acc = new Float64Array(m);
  const out = new Float32Array(n * m);
  const x = a.data;
  const y = b.data;
  for (let i = 0; i < n; i++) {
    acc.fill(0);
    const xo = i * inner;
    for (let k = 0; k < inner; k++) {
      const v = x[xo + k] as number;
      if (v === 0) continue;
      const yo = k * m;
      for (let j = 0; j < m; j++) acc[j] = (acc[j] as number) + v * (y[yo + j] as number);
    }
    out.set(acc, i * m);
  }
  return { data: out, rows: n, cols: m };
}
