/**
 * `@cowrieprocessor/detection/onnx-node`: the onnxruntime-node compute adapter on its own.
 *
 * @example
 * ```ts
 * import { createOnnxNodeBackend } from '@cowrieprocessor/detection/onnx-node';
 * const backend = await createOnnxNodeBackend({ intraOpNumThreads: 1 });
 * ```
 * @packageDocumentation
 */
export { createOnnxNodeBackend, ONNX_NODE_MAX_ELEMENTS, type OnnxNodeBackendOptions } from './onnx-node-backend.js';
export { registerOnnxNodeBackend } from './register.js';
