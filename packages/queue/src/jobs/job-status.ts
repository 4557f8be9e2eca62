import type { JobType } from './job-types.js';

/** Where a job is: the conventions' five states. */
export type JobState = 'queued' | 'in_progress' | 'completed' | 'failed' | 'cancelled';

/** All job states, in lifecycle order. */
export const JOB_STATES: readonly JobState[] = ['queued', 'in_progress', 'completed', 'failed', 'cancelled'];

/** What a job needs from the worker that runs it (capability routing); all optional. */
export interface JobRequirements {
  minCpuCores?: number;
  minMemoryGb?: number;
  /** Any one of these accelerators (e.g. `nvidia_cuda`, `apple_neural_engine`). */
  accelerator?: string[];
  /** Any one of these compute backends must be available (e.g. `onnx-node`). */
  backends?: string[];
}

/** A job as submitted (the design's job message, in camelCase). */
export interface JobSpec {
  jobId: string;
  jobType: JobType;
  parameters: Record<string, unknown>;
  /** 1 (highest) … 10 (lowest). */
  priority: number;
  /** ISO-8601 UTC. */
  createdAt: string;
  timeoutSeconds: number;
  /** Total attempts including the first (retries use exponential backoff). */
  attempts: number;
  /** First retry delay in ms; doubles on each further retry. */
  backoffMs: number;
  requirements?: JobRequirements;
}

/** Progress as a handler reports it; every field optional, merged into the status. */
export interface ProgressUpdate {
  percent?: number;
  step?: string;
  processed?: number;
  total?: number;
}

/** The design's status update, in camelCase. */
export interface JobStatus {
  jobId: string;
  state: JobState;
  progressPercent: number;
  currentStep: string | null;
  processed: number | null;
  total: number | null;
  /** ISO-8601 UTC of the last change we know of. */
  updatedAt: string;
}

/** Everything `GET /api/v1/jobs/{id}` answers: the spec, the status, and the outcome. */
export interface JobView extends JobStatus {
  jobType: JobType;
  parameters: Record<string, unknown>;
  priority: number;
  createdAt: string;
  timeoutSeconds: number;
  /** Attempts made so far. */
  attemptsMade: number;
  maxAttempts: number;
  startedAt: string | null;
  finishedAt: string | null;
  requirements?: JobRequirements;
  /** The handler's return value (completed jobs). */
  result?: unknown;
  /** Why it failed or was cancelled. */
  error?: { code: string; message: string };
}

/** A change pushed to subscribers (the SSE stream, metrics). */
export interface JobEvent {
  type: 'queued' | 'active' | 'progress' | 'retrying' | 'completed' | 'failed' | 'cancelled';
  jobId: string;
  jobType: JobType;
  status: JobStatus;
  result?: unknown;
  error?: { code: string; message: string };
  /** Run time in ms, on completed/failed when known. */
  durationMs?: number;
}

/**
 * ISO-8601 UTC with 6 fractional digits (the store's convention), from epoch ms.
 *
 * @example
 * ```ts
 * isoMicros(0); // '1970-01-01T00:00:00.000000Z'
 * ```
 */
export function isoMicros(ms: number = Date.now()): string {
  // Slicing, not a regex replace: this runs for every job event the coordinator relays.
  return `${new Date(ms).toISOString().slice(0, -1)}000Z`;
}

/**
 * A status with a progress update merged in (percent clamped to 0–100).
 *
 * @example
 * ```ts
 * const s = applyProgress(status, { percent: 40, step: 'clustering' });
 * ```
 */
export function applyProgress(status: JobStatus, p: ProgressUpdate, at: number = Date.now()): JobStatus {
  return {
    ...status,
    progressPercent: p.percent === undefined ? status.progressPercent : Math.max(0, Math.min(100, Math.round(p.percent * 10) / 10)),
    currentStep: p.step ?? status.currentStep,
    processed: p.processed ?? status.processed,
    total: p.total ?? status.total,
    updatedAt: isoMicros(at),
  };
}
