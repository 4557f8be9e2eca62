import type { ComputeBackend, Matrix } from '../compute/compute-backend.js';
import { nearestNeighbours } from '../compute/nearest-neighbours.js';

/** Grid the scaled values are snapped to before identical rows are merged (z units). */
const GRID = 0.05;

/** Distinct rows (after snapping to the grid) and how many sessions each stands for. */
interface Deduped {
  points: Matrix;
  weight: Float64Array;
  /** Session row → distinct row. */
  of: Int32Array;
}

/**
 * Key of a row snapped to the grid. Snapped values are whole multiples of the grid, so the row is
 * keyed by those integers, one UTF-16 unit each (a short string where `join(',')` made one of
 * ~100 characters per session); a value out of that range falls back to the joined text, which
 * is longer than `cols` and so never equals a short key. Same equal-rows classes as before.
 */
function gridKey(steps: Float64Array): string {
  let fits = true;
  for (const q of steps) if (!(q >= -32768 && q < 32768)) fits = false;
  if (!fits) return `x${Array.from(steps, (q) => q * GRID).join(',')}`;
  let key = '';
  for (const q of steps) key += String.fromCharCode(q + 32768);
  return key;
}

function dedupe(m: Matrix): Deduped {
  const index = new Map<string, number>();
  const of = new Int32Array(m.rows);
  const weights: number[] = [];
  const steps = new Float64Array(m.cols);
  let data = new Float32Array(Math.max(1, Math.min(m.rows, 4096)) * m.cols);
  let u = 0;
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) steps[j] = Math.round(m.data[i * m.cols + j]! / GRID);
    const key = gridKey(steps);
    let r = index.get(key);
    if (r === undefined) {
      r = u++;
      index.set(key, r);
      if (u * m.cols > data.length) {
        const grown = new Float32Array(data.length * 2);
        grown.set(data);
        data = grown;
      }
      for (let j = 0; j < m.cols; j++) data[r * m.cols + j] = steps[j]! * GRID;
      weights.push(0);
    }
    weights[r]!++;
    of[i] = r;
  }
  return { points: { data: data.slice(0, u * m.cols), rows: u, cols: m.cols }, weight: Float64Array.from(weights), of };
}

/** Deterministic PRNG (mulberry32): the same sample on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * k-distance outlier score of every row: the distance within which the k nearest other
 * sessions lie. Identical rows are merged first (honeypot sessions repeat a lot), each distinct
 * row carrying how many sessions it stands for; the neighbour query runs on the compute port,
 * distinct rows against a reference of at most `referenceSize` distinct rows (all of them when
 * fewer; else a seeded sample whose weights are scaled up to the whole), in blocks. Cost:
 * distinct rows × reference, never sessions².
 *
 * @example
 * ```ts
 * const scores = await kDistanceScores(backend, scaled, 10, 4096); // Float64Array, one per row
 * ```
 */
export async function kDistanceScores(backend: ComputeBackend, m: Matrix, k: number, referenceSize: number): Promise<Float64Array> {
  const { points, weight, of } = dedupe(m);
  const u = points.rows;
  let refIdx: Int32Array;
  if (u <= referenceSize) refIdx = Int32Array.from({ length: u }, (_, i) => i);
  else {
    // Partial Fisher–Yates over distinct rows.
    const all = Int32Array.from({ length: u }, (_, i) => i);
    const rnd = prng(0x5eed);
    for (let i = 0; i < referenceSize; i++) {
      const j = i + Math.floor(rnd() * (u - i));
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    refIdx = all.slice(0, referenceSize).sort();
  }
  const totalWeight = weight.reduce((a, b) => a + b, 0);
  const refWeight = refIdx.reduce((a, i) => a + weight[i]!, 0);
  const factor = totalWeight / refWeight;
  const ref: Matrix = { data: new Float32Array(refIdx.length * m.cols), rows: refIdx.length, cols: m.cols };
  refIdx.forEach((i, r) => ref.data.set(points.data.subarray(i * m.cols, (i + 1) * m.cols), r * m.cols));

  const kq = Math.min(ref.rows, k + 1);
  const nn = await nearestNeighbours(backend, points, ref, kq, 'sqeuclidean');
  const score = new Float64Array(u);
  for (let q = 0; q < u; q++) {
    // A row's identical twins are exactly at distance 0, sampled or not.
    let mass = weight[q]! - 1;
    let d2 = 0;
    for (let t = 0; t < kq && mass < k; t++) {
      const r = nn.indices[q * kq + t]!;
      if (r < 0) break;
      if (refIdx[r] === q) continue;
      mass += weight[refIdx[r]!]! * factor;
      d2 = nn.values[q * kq + t]!;
    }
    score[q] = Math.sqrt(Math.max(0, d2));
  }
  return Float64Array.from(of, (q) => score[q]!);
}
