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

function dedupe(m: Matrix): Deduped {
  const index = new Map<string, number>();
  const of = new Int32Array(m.rows);
  const rows: number[][] = [];
  const weights: number[] = [];
  for (let i = 0; i < m.rows; i++) {
    const row = Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols), (x) => Math.round(x / GRID) * GRID);
    const key = row.join(',');
    let u = index.get(key);
    if (u === undefined) {
      u = rows.length;
      index.set(key, u);
      rows.push(row);
      weights.push(0);
    }
    weights[u]!++;
    of[i] = u;
  }
  const data = new Float32Array(rows.length * m.cols);
  rows.forEach((r, u) => data.set(r, u * m.cols));
  return { points: { data, rows: rows.length, cols: m.cols }, weight: Float64Array.from(weights), of };
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
