/**
 * `@cowrieprocessor/detection/onnx-web`: the onnxruntime-web (WASM) compute adapter on its own.
 *
 * @example
 * ```ts
 * import { createOnnxWebBackend } from '@cowrieprocessor/detection/onnx-web';
 * const backend = await createOnnxWebBackend();
 * ```
 * @packageDocumentation
 */
export { createOnnxWebBackend, ONNX_WEB_MAX_ELEMENTS, type OnnxWebBackendOptions } from './onnx-web-backend.js';
