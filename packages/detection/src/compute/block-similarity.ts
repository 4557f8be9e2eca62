import type { Matrix } from './compute-backend.js';
import type { KernelPlan } from './kernel-plan.js';

/**
 * A candidate block: rows `a` are compared with rows `b` (indices into one matrix). A symmetric
 * block passes the same list twice. Callers bound block sizes (by fingerprint, time, posting
 * list), so the work is the sum of |a| × |b| over blocks, never all rows against all.
 */
export interface CandidateBlock {
  a: readonly number[];
  b: readonly number[];
}

/** A pair of rows found similar: i < j, and their cosine. */
export type SimilarPair = [i: number, j: number, sim: number];

/** Rows per kernel call: small blocks are packed together up to this, big ones tiled to it. */
export const BLOCK_BATCH_ROWS = 512;

/**
 * Cosine similarities inside candidate blocks, through whichever kernel runs the plan (see
 * `runPlan`): small blocks are packed into one call of up to {@link BLOCK_BATCH_ROWS} rows each
 * side (the cross-block cells of a packed call are computed and ignored: cheaper than one call
 * per tiny block), big ones are tiled. Returns each unordered pair once (i ≠ j) with a
 * similarity of at least `minSim`.
 *
 * @example
 * ```ts
 * const pairs = runPlanSync(similarPairsInBlocks(x, [{ a: [0, 1, 2], b: [0, 1, 2] }], 0.6));
 * ```
 */
export function* similarPairsInBlocks(x: Matrix, blocks: readonly CandidateBlock[], minSim: number, batchRows = BLOCK_BATCH_ROWS): KernelPlan<SimilarPair[]> {
  const out: SimilarPair[] = [];
  const seen = new Set<number>();
  let batch: CandidateBlock[] = [];
  let rowsA = 0;
  let rowsB = 0;
  const flush = function* (): Generator<{ a: Matrix; b: Matrix }, void, Float32Array> {
    if (batch.length === 0) return;
    const a = gather(x, batch.flatMap((blk) => blk.a));
    const b = gather(x, batch.flatMap((blk) => blk.b));
    const sims = yield { a, b };
    let oa = 0;
    let ob = 0;
    for (const blk of batch) {
      for (let i = 0; i < blk.a.length; i++) {
        const ri = blk.a[i]!;
        for (let j = 0; j < blk.b.length; j++) {
          const rj = blk.b[j]!;
          const s = sims[(oa + i) * b.rows + ob + j]!;
          if (ri === rj || s < minSim) continue;
          const key = ri < rj ? ri * x.rows + rj : rj * x.rows + ri;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push(ri < rj ? [ri, rj, s] : [rj, ri, s]);
        }
      }
      oa += blk.a.length;
      ob += blk.b.length;
    }
    batch = [];
    rowsA = rowsB = 0;
  };
  for (const blk of blocks.flatMap((k) => tile(k, batchRows))) {
    if (blk.a.length === 0 || blk.b.length === 0) continue;
    if (rowsA + blk.a.length > batchRows || rowsB + blk.b.length > batchRows) yield* flush();
    batch.push(blk);
    rowsA += blk.a.length;
    rowsB += blk.b.length;
  }
  yield* flush();
  out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return out;
}

/** A block cut into pieces of at most `n` rows a side (every cell of the block still covered once). */
function tile(k: CandidateBlock, n: number): CandidateBlock[] {
  if (k.a.length <= n && k.b.length <= n) return [k];
  const out: CandidateBlock[] = [];
  for (let i = 0; i < k.a.length; i += n) for (let j = 0; j < k.b.length; j += n) out.push({ a: k.a.slice(i, i + n), b: k.b.slice(j, j + n) });
  return out;
}

/** The rows `idx` of x, copied into one contiguous matrix. */
function gather(x: Matrix, idx: readonly number[]): Matrix {
  const d = x.cols;
  const data = new Float32Array(idx.length * d);
  idx.forEach((r, i) => data.set(x.data.subarray(r * d, (r + 1) * d), i * d));
  return { data, rows: idx.length, cols: d };
}
