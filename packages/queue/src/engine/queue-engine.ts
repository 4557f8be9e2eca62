import type { JobEvent, JobSpec, JobState, JobView, ProgressUpdate } from '../jobs/job-status.js';
import type { JobType } from '../jobs/job-types.js';
import type { WorkerInfo, WorkerRecord } from '../worker/worker-info.js';

/** What a handler gets besides its parameters. */
export interface JobContext {
  jobId: string;
  jobType: JobType;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  /** Fires on cancel, timeout and worker shutdown; stop soon after (the reason says why). */
  signal: AbortSignal;
  /** Report progress (merged into the status; fire-and-forget is fine). */
  progress(p: ProgressUpdate): Promise<void>;
}

/** Runs one job; what it returns is stored as the job's `result`. */
export type JobRunner = (parameters: Record<string, unknown>, ctx: JobContext) => Promise<unknown>;

/** Options of {@link QueueEngine.consume}. */
export interface ConsumeOptions {
  /** Queues (job types) to take jobs from. */
  queues: JobType[];
  /** Jobs run at once per queue. */
  concurrency: number;
  /** Identifies the consumer in logs and the registry. */
  workerId: string;
  /** Runs a job: a handler dispatch, usually from the worker runtime. */
  run: JobRunner;
  /**
   * Called when a job is taken, before it runs; return a reason to hand it back (it waits
   * `retryMs` and is offered again) or null to run it. Used for capability requirements.
   */
  accept?: (spec: JobSpec) => string | null;
  /** Lock / stall settings for a dead consumer's jobs to be taken over (BullMQ engines). */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** How long a handler may ignore its aborted signal before the job is failed anyway (default 5 s). */
  abortGraceMs?: number;
}

/** A running consumer. */
export interface Consumer {
  /** Jobs running now. */
  readonly active: number;
  /** Stop taking jobs from `queue` (all when omitted); running jobs continue. */
  pause(queue?: JobType): Promise<void>;
  resume(queue?: JobType): Promise<void>;
  /**
   * Stop: wait for running jobs (`force` false) or abort them and hand them back to the queue
   * (`force` true, as on SIGTERM after a grace period).
   */
  close(opts?: { force?: boolean }): Promise<void>;
}

/** Filters of {@link QueueEngine.list}. */
export interface ListFilter {
  state?: JobState;
  jobType?: JobType;
  /** At most this many, newest first (default 50). */
  limit?: number;
}

/** Jobs per state in one queue (`/metrics`, `GET /api/v1/workers`). */
export interface QueueDepth {
  queued: number;
  delayed: number;
  inProgress: number;
  completed: number;
  failed: number;
}

/** Where workers announce themselves; entries expire without heartbeats. */
export interface WorkerRegistry {
  /** Create or refresh this worker's entry. */
  heartbeat(info: WorkerInfo): Promise<void>;
  /** Remove the entry (graceful shutdown). */
  remove(workerId: string): Promise<void>;
  /** Every known worker, with `status` from the age of its last heartbeat. */
  list(): Promise<WorkerRecord[]>;
}

/**
 * The queue engine port: BullMQ on PostgreSQL, BullMQ on Redis and the embedded in-process engine
 * implement it, and one conformance suite runs over all three. The coordinator uses the
 * submit/read side, workers {@link QueueEngine.consume}.
 */
export interface QueueEngine {
  readonly kind: 'postgres' | 'redis' | 'embedded';
  /** Put a validated job in its queue. */
  submit(spec: JobSpec): Promise<JobView>;
  get(jobId: string): Promise<JobView | null>;
  list(filter?: ListFilter): Promise<JobView[]>;
  /**
   * Cancel: a queued job is removed at once (its view stays readable as `cancelled`); a running
   * job's handler gets its signal aborted wherever it runs, and the job ends `cancelled`.
   * Returns the view after the request (a running job may still show `in_progress`).
   */
  cancel(jobId: string, reason?: string): Promise<JobView | null>;
  /** Re-drive a failed (or cancelled) job: it is queued again with its attempts reset. */
  retry(jobId: string): Promise<JobView | null>;
  /** Every job event of every queue; returns the unsubscribe function. */
  subscribe(listener: (e: JobEvent) => void): Promise<() => void>;
  depth(): Promise<Record<JobType, QueueDepth>>;
  consume(opts: ConsumeOptions): Promise<Consumer>;
  readonly registry: WorkerRegistry;
  /** Answers when the engine's server is reachable (`/readyz`). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
