import { BACKEND_PRIORITY, registerBackend } from '../default-registry.js';

/**
 * Adds onnx-node to the process-wide registry. The Node entry of the package calls it; the
 * runtime itself is only imported when the backend is chosen.
 *
 * @example
 * ```ts
 * registerOnnxNodeBackend();
 * const backend = await resolveBackend(); // onnx-node when it loads here
 * ```
 */
export function registerOnnxNodeBackend(): void {
  registerBackend('onnx-node', async () => (await import('./onnx-node-backend.js')).createOnnxNodeBackend(), BACKEND_PRIORITY['onnx-node']);
}
