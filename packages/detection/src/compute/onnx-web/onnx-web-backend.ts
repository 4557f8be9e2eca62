import * as ort from 'onnxruntime-web';
import type { ComputeBackend } from '../compute-backend.js';
import { createCheckedOrtBackend } from '../ort/ort-backend.js';
import type { OrtLike } from '../ort/ort-like.js';

/**
 * Largest output of one WASM run (float32 elements), i.e. what the WASM heap allows with room to
 * spare. The wasm32 heap ends at 4 GiB and a pairwise run holds its inputs, an n×m intermediate
 * and the n×m output there at once: measured with onnxruntime-web 1.30.0 in Node 20, one run of
 * 2^28 outputs (16384², d = 32) succeeds and 2^29 fails with `std::bad_alloc`. 2^26 (256 MiB per
 * buffer) keeps a 4× margin for heap fragmentation; larger requests are tiled to fit.
 */
export const ONNX_WEB_MAX_ELEMENTS = 2 ** 26;

/** Options of {@link createOnnxWebBackend}. */
export interface OnnxWebBackendOptions {
  /** WASM threads (worker threads); 1 when omitted, onnxruntime-web's own default in Node. */
  numThreads?: number;
}

/**
 * The onnxruntime-web adapter (WebAssembly execution provider). Runs in browsers and in Node,
 * offline: the .wasm ships inside the package (node20-versions §3.4, zero fetches).
 *
 * @example
 * ```ts
 * import { createOnnxWebBackend } from '@cowrieprocessor/detection/onnx-web';
 * const backend = await createOnnxWebBackend();
 * ```
 */
export function createOnnxWebBackend(opts: OnnxWebBackendOptions = {}): Promise<ComputeBackend> {
  if (opts.numThreads !== undefined) ort.env.wasm.numThreads = opts.numThreads;
  return createCheckedOrtBackend({
    name: 'onnx-web',
    ort: ort as unknown as OrtLike,
    sessionOptions: { executionProviders: ['wasm'], graphOptimizationLevel: 'all' },
    capabilities: { native: false, wasm: true, browser: true, maxElements: ONNX_WEB_MAX_ELEMENTS },
  });
}
