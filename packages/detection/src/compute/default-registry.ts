import type { BackendLoader, BackendName, ComputeBackend, ResolveBackendOptions } from './compute-backend.js';
import { createBackendRegistry, type BackendRegistry, type BackendStatus } from './registry.js';

/** Priorities of the built-in adapters: native ONNX, then WASM ONNX, then plain JS. */
export const BACKEND_PRIORITY: Readonly<Record<BackendName, number>> = { 'onnx-node': 300, 'onnx-web': 200, js: 100 };

/**
 * The process-wide registry. The browser-safe adapters (js, onnx-web) are registered here;
 * the Node entry (`src/index.ts`) adds onnx-node. Loaders use dynamic imports so a runtime
 * is only loaded when it is chosen.
 */
export const defaultRegistry: BackendRegistry = createBackendRegistry();
defaultRegistry.register('js', async () => (await import('./js/js-backend.js')).createJsBackend(), BACKEND_PRIORITY.js);
defaultRegistry.register(
  'onnx-web',
  async () => (await import('./onnx-web/onnx-web-backend.js')).createOnnxWebBackend(),
  BACKEND_PRIORITY['onnx-web'],
);

/**
 * Registers (or replaces) a backend in the process-wide registry; a higher priority is tried first.
 *
 * @example
 * ```ts
 * registerBackend('js', async () => createJsBackend(), 100);
 * ```
 */
export function registerBackend(name: BackendName, load: BackendLoader, priority: number): void {
  defaultRegistry.register(name, load, priority);
}

/**
 * Picks the highest-priority backend that loads (or the `prefer`red ones first). A backend that
 * failed to load is remembered and skipped. `forced` never falls back: it loads that backend or
 * throws a `ComputeBackendError` naming why.
 *
 * @example
 * ```ts
 * const backend = await resolveBackend({ forced: 'onnx-web' });
 * const sims = await backend.pairwiseCosine(a, b);
 * ```
 */
export function resolveBackend(opts?: ResolveBackendOptions): Promise<ComputeBackend> {
  return defaultRegistry.resolve(opts);
}

/**
 * The registered backends with their state (for `--backend` help and diagnostics).
 *
 * @example
 * ```ts
 * for (const b of listBackends()) console.log(b.name, b.state, b.error ?? '');
 * ```
 */
export function listBackends(): BackendStatus[] {
  return defaultRegistry.list();
}
