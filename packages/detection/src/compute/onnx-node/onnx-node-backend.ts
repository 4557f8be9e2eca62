import * as ort from 'onnxruntime-node';
import type { ComputeBackend } from '../compute-backend.js';
import { createCheckedOrtBackend } from '../ort/ort-backend.js';
import type { OrtLike } from '../ort/ort-like.js';

/** Largest output of one native run (float32 elements): 512 MiB; larger requests are tiled. */
export const ONNX_NODE_MAX_ELEMENTS = 2 ** 27;

/** Options of {@link createOnnxNodeBackend}. */
export interface OnnxNodeBackendOptions {
  /** Threads per kernel; onnxruntime's default (all cores) when omitted. */
  intraOpNumThreads?: number;
}

/**
 * The onnxruntime-node adapter (native CPU execution provider). Node only.
 *
 * @example
 * ```ts
 * import { createOnnxNodeBackend } from '@cowrieprocessor/detection/onnx-node';
 * const backend = await createOnnxNodeBackend();
 * ```
 */
export function createOnnxNodeBackend(opts: OnnxNodeBackendOptions = {}): Promise<ComputeBackend> {
  const sessionOptions: Record<string, unknown> = { executionProviders: ['cpu'], graphOptimizationLevel: 'all' };
  // onnxruntime-node rejects `intraOpNumThreads: undefined` ("must be a number"): set it only when given.
  if (opts.intraOpNumThreads !== undefined) sessionOptions.intraOpNumThreads = opts.intraOpNumThreads;
  return createCheckedOrtBackend({
    name: 'onnx-node',
    ort: ort as unknown as OrtLike,
    sessionOptions,
    capabilities: { native: true, wasm: false, browser: false, maxElements: ONNX_NODE_MAX_ELEMENTS },
  });
}
