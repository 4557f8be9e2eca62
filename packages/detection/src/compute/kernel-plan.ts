import type { ComputeBackend, Matrix } from './compute-backend.js';
import { cosine } from './js/kernels.js';

/** One kernel call a plan asks for: cosine similarities of a's rows against b's (a.rows × b.rows). */
export interface CosineRequest {
  a: Matrix;
  b: Matrix;
}

/**
 * A computation that needs kernel results part-way: a generator that yields each
 * {@link CosineRequest} and is resumed with its result. The same detector code then runs
 * synchronously on the in-process JS kernel ({@link runPlanSync}) or on any compute backend
 * ({@link runPlan}), so the two give the same answer by construction.
 */
export type KernelPlan<T> = Generator<CosineRequest, T, Float32Array>;

/** What a plan's run did on the kernel: calls and pairs compared (for stats and tests). */
export interface KernelUse {
  calls: number;
  pairs: number;
}

/**
 * Run a plan synchronously with the plain-JS cosine kernel (what the js backend runs), for the
 * synchronous detector entry points.
 *
 * @example
 * ```ts
 * const pairs = runPlanSync(similarPairsInBlocks(x, blocks, 0.5));
 * ```
 */
export function runPlanSync<T>(plan: KernelPlan<T>, use?: KernelUse): T {
  let step = plan.next();
  while (!step.done) {
    if (use) count(use, step.value);
    step = plan.next(cosine(step.value.a, step.value.b));
  }
  return step.value;
}

/**
 * Run a plan on a compute backend: every requested kernel goes through `backend.pairwiseCosine`
 * (an ONNX session run on the ONNX adapters). Kernel errors propagate: a forced backend that
 * cannot run fails the detector instead of falling back.
 *
 * @example
 * ```ts
 * const pairs = await runPlan(similarPairsInBlocks(x, blocks, 0.5), await resolveBackend({ forced: 'onnx-web' }));
 * ```
 */
export async function runPlan<T>(plan: KernelPlan<T>, backend: ComputeBackend, use?: KernelUse): Promise<T> {
  let step = plan.next();
  while (!step.done) {
    if (use) count(use, step.value);
    step = plan.next(await backend.pairwiseCosine(step.value.a, step.value.b));
  }
  return step.value;
}

function count(use: KernelUse, r: CosineRequest): void {
  use.calls++;
  use.pairs += r.a.rows * r.b.rows;
}
