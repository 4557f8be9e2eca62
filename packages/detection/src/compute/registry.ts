import type { BackendLoader, BackendName, ComputeBackend, ResolveBackendOptions } from './compute-backend.js';
import { ComputeBackendError, describeError } from './compute-error.js';

/** State of one registered backend, as `listBackends` reports it. */
export interface BackendStatus {
  name: BackendName;
  priority: number;
  state: 'registered' | 'loaded' | 'failed';
  /** Why loading failed (state `failed`). */
  error?: string;
}

/** A set of backends with priorities (see {@link createBackendRegistry}). */
export interface BackendRegistry {
  /** Adds or replaces a backend; a higher priority is tried first. Replacing forgets its earlier state. */
  register(name: BackendName, load: BackendLoader, priority: number): void;
  /** The highest-priority backend that loads; `forced` never falls back. */
  resolve(opts?: ResolveBackendOptions): Promise<ComputeBackend>;
  /** Registered backends, highest priority first, with their load state. */
  list(): BackendStatus[];
  /** Disposes every loaded backend (they stay usable: a later call sets them up again). */
  disposeAll(): Promise<void>;
}

interface Entry {
  name: BackendName;
  load: BackendLoader;
  priority: number;
  loading?: Promise<ComputeBackend>;
  backend?: ComputeBackend;
  error?: unknown;
}

/**
 * Creates an empty registry. Modelled on onnxruntime's backend registry: backends are tried by
 * priority, a loader that fails is remembered and skipped from then on, and an explicitly
 * requested backend that fails is an error (never a silent fall-back). A loaded backend is
 * cached and shared, so ONNX sessions are created once per process.
 *
 * @example
 * ```ts
 * const registry = createBackendRegistry();
 * registry.register('js', async () => createJsBackend(), 100);
 * const backend = await registry.resolve({ prefer: ['onnx-node'] });
 * ```
 */
export function createBackendRegistry(): BackendRegistry {
  const entries = new Map<BackendName, Entry>();
  const byPriority = (): Entry[] => [...entries.values()].sort((x, y) => y.priority - x.priority);

  async function loadEntry(entry: Entry): Promise<ComputeBackend> {
    if (entry.backend) return entry.backend;
    if (entry.error !== undefined) throw entry.error;
    // Concurrent resolves share one load instead of initialising a runtime twice.
    entry.loading ??= entry.load().then(
      (backend) => {
        entry.backend = backend;
        return backend;
      },
      (e: unknown) => {
        entry.error = e;
        throw e;
      },
    );
    return entry.loading;
  }

  function unavailable(name: BackendName, e: unknown): ComputeBackendError {
    return new ComputeBackendError(
      'COMPUTE_BACKEND_UNAVAILABLE',
      `compute backend "${name}" is not available here: ${describeError(e)}`,
      { backend: name, reason: describeError(e) },
      { cause: e },
    );
  }

  return {
    register(name, load, priority) {
      entries.set(name, { name, load, priority });
    },

    async resolve(opts = {}) {
      if (opts.forced) {
        const entry = entries.get(opts.forced);
        if (!entry) {
          const known = byPriority().map((e) => e.name).join(', ') || 'none';
          throw new ComputeBackendError(
            'COMPUTE_BACKEND_UNKNOWN',
            `compute backend "${opts.forced}" is not registered in this build (registered: ${known})`,
            { backend: opts.forced, registered: known },
          );
        }
        try {
          return await loadEntry(entry);
        } catch (e) {
          throw unavailable(entry.name, e);
        }
      }
      const preferred = (opts.prefer ?? []).map((n) => entries.get(n)).filter((e): e is Entry => e !== undefined);
      const order = [...new Set([...preferred, ...byPriority()])];
      const failures: string[] = [];
      for (const entry of order) {
        try {
          return await loadEntry(entry);
        } catch (e) {
          failures.push(`${entry.name}: ${describeError(e)}`);
        }
      }
      throw new ComputeBackendError(
        'COMPUTE_BACKEND_UNAVAILABLE',
        order.length === 0 ? 'no compute backend is registered' : `no compute backend could be loaded (${failures.join('; ')})`,
        { failures },
      );
    },

    list() {
      return byPriority().map((e) => {
        const status: BackendStatus = { name: e.name, priority: e.priority, state: 'registered' };
        if (e.backend) status.state = 'loaded';
        else if (e.error !== undefined) {
          status.state = 'failed';
          status.error = describeError(e.error);
        }
        return status;
      });
    },

    async disposeAll() {
      await Promise.all([...entries.values()].map((e) => e.backend?.dispose()));
    },
  };
}
