import type { JobSpec, JobStatus, JobView } from '../jobs/job-status.js';

/** One job held by the embedded engine. */
export interface EmbeddedJob {
  spec: JobSpec;
  status: JobStatus;
  attemptsMade: number;
  /** Order of arrival within a priority (FIFO). */
  seq: number;
  startedAt: number | null;
  finishedAt: number | null;
  result?: unknown;
  error?: { code: string; message: string };
  /** Set while it runs: aborts the handler (cancel, hand-back). */
  controller?: AbortController;
  /** Set while it waits for a retry's backoff. */
  retryTimer?: NodeJS.Timeout;
}

/**
 * The public view of an embedded job.
 *
 * @example
 * ```ts
 * const view = viewOf(job);
 * ```
 */
export function viewOf(j: EmbeddedJob): JobView {
  const { spec } = j;
  return {
    ...j.status,
    jobType: spec.jobType,
    parameters: spec.parameters,
    priority: spec.priority,
    createdAt: spec.createdAt,
    timeoutSeconds: spec.timeoutSeconds,
    attemptsMade: j.attemptsMade,
    maxAttempts: spec.attempts,
    startedAt: j.startedAt === null ? null : new Date(j.startedAt).toISOString(),
    finishedAt: j.finishedAt === null ? null : new Date(j.finishedAt).toISOString(),
    ...(spec.requirements ? { requirements: spec.requirements } : {}),
    ...(j.status.state === 'completed' ? { result: j.result } : {}),
    ...(j.error && (j.status.state === 'failed' || j.status.state === 'cancelled') ? { error: j.error } : {}),
  };
}

/**
 * Backoff before retry `n` (1-based): `base * 2^(n-1)`.
 *
 * @example
 * ```ts
 * backoffMs(1000, 3); // 4000
 * ```
 */
export function backoffMs(base: number, n: number): number {
  return base * 2 ** Math.max(0, n - 1);
}
