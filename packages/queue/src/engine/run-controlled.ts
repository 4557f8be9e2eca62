import { CowrieError } from '@cowrieprocessor/core';
import { JobCancelledError, JobTimeoutError } from '../errors.js';
import type { JobSpec } from '../jobs/job-status.js';
import type { JobContext, JobRunner } from './queue-engine.js';

/** Reason a worker's own shutdown aborts a job with: the job goes back to the queue, no attempt used. */
export class JobHandedBackError extends CowrieError {
  constructor(jobId: string) {
    super('JOB_HANDED_BACK', 'worker shutting down; job handed back to the queue', { jobId });
  }
}

/** What {@link runControlled} needs from the engine around one run. */
export interface ControlledRun {
  spec: JobSpec;
  attempt: number;
  /** The engine's signal for this job: aborted with a JobCancelledError or JobHandedBackError. */
  signal: AbortSignal;
  progress: JobContext['progress'];
  /** Milliseconds a handler may keep running after its signal fired (default 5 000). */
  abortGraceMs?: number;
}

/**
 * Run a handler with the job's timeout and the engine's cancel/shutdown signal. The handler's
 * signal fires on either; if the handler has not settled `abortGraceMs` later we stop waiting for
 * it and reject with the reason (a thread handler is terminated by its runner at that point; an
 * inline handler that ignores its signal is abandoned, which is why CPU-bound handlers run in
 * threads). A handler that returns after its signal fired still counts as aborted.
 *
 * @example
 * ```ts
 * const result = await runControlled(handler, { spec, attempt: 1, signal, progress: async () => {} });
 * ```
 */
export async function runControlled(run: JobRunner, c: ControlledRun): Promise<unknown> {
  const ac = new AbortController();
  const onOuter = () => ac.abort(c.signal.reason instanceof Error ? c.signal.reason : new JobCancelledError(c.spec.jobId));
  if (c.signal.aborted) onOuter();
  else c.signal.addEventListener('abort', onOuter, { once: true });
  const timer = setTimeout(() => ac.abort(new JobTimeoutError(c.spec.jobId, c.spec.timeoutSeconds)), c.spec.timeoutSeconds * 1000);
  let graceTimer: NodeJS.Timeout | undefined;
  const abandoned = new Promise<never>((_, reject) => {
    const fire = () => {
      graceTimer = setTimeout(() => reject(ac.signal.reason), c.abortGraceMs ?? 5000);
    };
    if (ac.signal.aborted) fire();
    else ac.signal.addEventListener('abort', fire, { once: true });
  });
  abandoned.catch(() => undefined);
  try {
    const ctx: JobContext = { jobId: c.spec.jobId, jobType: c.spec.jobType, attempt: c.attempt, signal: ac.signal, progress: c.progress };
    const result = await Promise.race([Promise.resolve().then(() => run(c.spec.parameters, ctx)), abandoned]);
    if (ac.signal.aborted) throw ac.signal.reason;
    return result;
  } catch (err) {
    // Whatever the handler threw after its signal fired (AbortError, a partial-result error …),
    // the job ends for the signal's reason.
    if (ac.signal.aborted) throw ac.signal.reason;
    throw err;
  } finally {
    clearTimeout(timer);
    clearTimeout(graceTimer);
    c.signal.removeEventListener('abort', onOuter);
  }
}

/**
 * `{ code, message }` of an error for a job view.
 *
 * @example
 * ```ts
 * errorInfo(new JobTimeoutError('j1', 60)); // { code: 'JOB_TIMEOUT', message: 'job ran longer …' }
 * ```
 */
export function errorInfo(err: unknown): { code: string; message: string } {
  if (err instanceof CowrieError) return { code: err.code, message: err.message };
  const e = err as { code?: unknown; message?: unknown };
  return { code: typeof e?.code === 'string' ? e.code : 'JOB_FAILED', message: typeof e?.message === 'string' ? e.message : String(err) };
}
