import type { Job } from 'bullmq';
import { isoMicros, type JobSpec, type JobState, type JobStatus, type JobView, type ProgressUpdate } from '../jobs/job-status.js';

/** What we put in a BullMQ job's `data`. */
export interface BullJobData {
  spec: JobSpec;
}

/** BullMQ's job states, as `getState()` answers. */
export type BullState = 'completed' | 'failed' | 'active' | 'delayed' | 'prioritized' | 'waiting' | 'waiting-children' | 'unknown';

/**
 * A failure as BullMQ keeps it (`failedReason` is one string): `[CODE] message`, so that the
 * code survives the round trip.
 *
 * @example
 * ```ts
 * encodeError({ code: 'JOB_TIMEOUT', message: 'too slow' }); // '[JOB_TIMEOUT] too slow'
 * ```
 */
export function encodeError(e: { code: string; message: string }): string {
  return `[${e.code}] ${e.message}`;
}

/**
 * The inverse of {@link encodeError}; a reason without a code is `JOB_FAILED`.
 *
 * @example
 * ```ts
 * decodeError('[JOB_CANCELLED] by request'); // { code: 'JOB_CANCELLED', message: 'by request' }
 * ```
 */
export function decodeError(reason: string): { code: string; message: string } {
  const m = /^\[([A-Z0-9_]+)\] ([\s\S]*)$/.exec(reason);
  return m ? { code: m[1]!, message: m[2]! } : { code: 'JOB_FAILED', message: reason };
}

/**
 * Our state for a BullMQ state (a failed job whose reason is a cancellation is `cancelled`).
 *
 * @example
 * ```ts
 * mapState('prioritized', undefined); // 'queued'
 * ```
 */
export function mapState(s: BullState, failedReason: string | undefined): JobState {
  if (s === 'completed') return 'completed';
  if (s === 'failed') return failedReason?.startsWith('[JOB_CANCELLED]') ? 'cancelled' : 'failed';
  if (s === 'active') return 'in_progress';
  return 'queued';
}

/**
 * Our progress object from whatever BullMQ holds (`job.progress` may be a number or an object).
 *
 * @example
 * ```ts
 * progressOf(40); // { percent: 40 }
 * ```
 */
export function progressOf(p: unknown): ProgressUpdate {
  if (typeof p === 'number') return { percent: p };
  if (p && typeof p === 'object') return p as ProgressUpdate;
  return {};
}

/**
 * The public view of a BullMQ job in state `s`.
 *
 * @example
 * ```ts
 * const view = viewOfJob(job, await job.getState());
 * ```
 */
export function viewOfJob(job: Job<BullJobData>, s: BullState): JobView {
  const spec = job.data.spec;
  const state = mapState(s, job.failedReason);
  const p = progressOf(job.progress);
  const retrying = state === 'queued' && job.attemptsMade > 0 && !!job.failedReason;
  const status: JobStatus = {
    jobId: spec.jobId,
    state,
    progressPercent: state === 'completed' ? 100 : state === 'queued' ? 0 : p.percent ?? 0,
    currentStep: retrying ? `retry ${job.attemptsMade + 1}/${spec.attempts} after: ${decodeError(job.failedReason).message}` : state === 'queued' ? p.step ?? null : p.step ?? null,
    processed: p.processed ?? null,
    total: p.total ?? null,
    updatedAt: isoMicros(job.finishedOn ?? job.processedOn ?? job.timestamp),
  };
  return {
    ...status,
    jobType: spec.jobType,
    parameters: spec.parameters,
    priority: spec.priority,
    createdAt: spec.createdAt,
    timeoutSeconds: spec.timeoutSeconds,
    attemptsMade: job.attemptsMade,
    maxAttempts: spec.attempts,
    startedAt: job.processedOn ? new Date(job.processedOn).toISOString() : null,
    finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    ...(spec.requirements ? { requirements: spec.requirements } : {}),
    ...(state === 'completed' ? { result: job.returnvalue } : {}),
    ...((state === 'failed' || state === 'cancelled') && job.failedReason ? { error: decodeError(job.failedReason) } : {}),
  };
}
