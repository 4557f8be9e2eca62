import type { Matrix } from '../../src/compute/index.js';

/** Seeded uniform generator (mulberry32), so every run compares the same numbers. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** rows × cols values in [lo, hi). */
export function randomMatrix(rows: number, cols: number, seed: number, lo = -1, hi = 1): Matrix {
  const r = rng(seed);
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = lo + (hi - lo) * r();
  return { data, rows, cols };
}

/** Float64 reference of the squared distances (the difference form). */
export function refSqEuclidean(a: Matrix, b: Matrix): Float64Array {
  const out = new Float64Array(a.rows * b.rows);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < b.rows; j++) {
      let s = 0;
      for (let k = 0; k < a.cols; k++) {
        const t = (a.data[i * a.cols + k] as number) - (b.data[j * b.cols + k] as number);
        s += t * t;
      }
      out[i * b.rows + j] = s;
    }
  return out;
}

/** Float64 reference of the cosine similarities (0 for a zero row). */
export function refCosine(a: Matrix, b: Matrix): Float64Array {
  const out = new Float64Array(a.rows * b.rows);
  const norm = (m: Matrix, i: number) => {
    let s = 0;
    for (let k = 0; k < m.cols; k++) s += (m.data[i * m.cols + k] as number) ** 2;
    return Math.sqrt(s);
  };
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < b.rows; j++) {
      const na = norm(a, i);
      const nb = norm(b, j);
      if (na === 0 || nb === 0) continue;
      let s = 0;
      for (let k = 0; k < a.cols; k++) s += (a.data[i * a.cols + k] as number) * (b.data[j * b.cols + k] as number);
      out[i * b.rows + j] = s / (na * nb);
    }
  return out;
}

/** Float64 reference of a × b. */
export function refMatmul(a: Matrix, b: Matrix): Float64Array {
  const out = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < b.cols; j++) {
      let s = 0;
      for (let k = 0; k < a.cols; k++) s += (a.data[i * a.cols + k] as number) * (b.data[k * b.cols + j] as number);
      out[i * b.cols + j] = s;
    }
  return out;
}

/** Largest |got − want| / max(1, |want|) (float32 results against float64 references). */
export function maxRelError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < got.length; i++) {
    const w = want[i] as number;
    const e = Math.abs((got[i] as number) - w) / Math.max(1, Math.abs(w));
    if (!(e <= worst)) worst = e;
  }
  return worst;
}
