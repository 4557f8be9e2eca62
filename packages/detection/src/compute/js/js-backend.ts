import type { ComputeBackend, Matrix } from '../compute-backend.js';
import { checkMatmul, checkPairwise } from '../matrix.js';
import { cosine, matmul, sqEuclidean } from './kernels.js';

/** Largest output one JS kernel call allocates (float32 elements): 1 GiB. */
export const JS_MAX_ELEMENTS = 2 ** 28;

/**
 * The plain-JS adapter: typed-array loops, no native code, runs anywhere (Node, browsers,
 * workers). Always available, so it is the registry's last resort.
 *
 * @example
 * ```ts
 * const js = createJsBackend();
 * const d = await js.pairwiseSqEuclidean(a, b);
 * ```
 */
export function createJsBackend(): ComputeBackend {
  let runs = 0;
  return {
    name: 'js',
    capabilities: { native: false, wasm: false, browser: true, maxElements: JS_MAX_ELEMENTS },
    get runs() {
      return runs;
    },
    async pairwiseSqEuclidean(a: Matrix, b: Matrix) {
      checkPairwise(a, b);
      runs++;
      return sqEuclidean(a, b);
    },
    async pairwiseCosine(a: Matrix, b: Matrix) {
      checkPairwise(a, b);
      runs++;
      return cosine(a, b);
    },
    async matmul(a: Matrix, b: Matrix) {
      checkMatmul(a, b);
      runs++;
      return matmul(a, b);
    },
    async dispose() {
      // Nothing to release: results are plain typed arrays owned by the caller.
    },
  };
}
