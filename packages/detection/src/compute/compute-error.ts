/**
 * Errors of the compute layer. They carry a stable `code` and `details` like core's
 * `CowrieError`, but do not extend it: the compute layer must load in a browser, and core's
 * runtime pulls in the database drivers.
 *
 * Codes: `COMPUTE_BACKEND_UNAVAILABLE` (a backend failed to load or none could),
 * `COMPUTE_BACKEND_UNKNOWN` (a name that is not registered), `COMPUTE_SHAPE_MISMATCH`
 * (matrix shapes that do not fit), `COMPUTE_KERNEL_FAILED` (a kernel failed while running).
 *
 * @example
 * ```ts
 * try { await resolveBackend({ forced: 'onnx-node' }); } catch (e) {
 *   if (e instanceof ComputeBackendError) console.error(e.code, e.message);
 * }
 * ```
 */
export class ComputeBackendError extends Error {
  /** Stable machine-readable code. */
  readonly code: string;
  /** Extra diagnostics (backend name, shapes, causes of earlier failures …). */
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** One line describing an unknown thrown value (for "failed because …" messages). */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message.split('\n')[0] ?? e.name;
  return String(e);
}
