import { DelayedError, UnrecoverableError, WaitingError, type Job, type Worker } from 'bullmq';
import type { ConsumeOptions, Consumer } from '../engine/queue-engine.js';
import { JobHandedBackError, errorInfo, runControlled } from '../engine/run-controlled.js';
import { JobCancelledError, JobTimeoutError } from '../errors.js';
import type { ProgressUpdate } from '../jobs/job-status.js';
import type { JobType } from '../jobs/job-types.js';
import { openWorker, type BullConnection } from './bullmq-connection.js';
import type { ControlChannel } from './control-channel.js';
import { encodeError, type BullJobData } from './job-codec.js';
import { KEEP_FINISHED, completedRetention } from './retention.js';

/** How long a job refused for its requirements waits before it is offered again. */
const REFUSED_RETRY_MS = 2000;

/**
 * A BullMQ consumer: one BullMQ Worker per queue, each job run through {@link runControlled} with
 * its own abort controller, which cancel requests from the control channel and a forced close
 * abort. Cancelled and timed-out jobs fail without retry (UnrecoverableError); a job aborted by
 * our own shutdown is moved back to waiting without using an attempt.
 *
 * @example
 * ```ts
 * const consumer = await consumeBullmq(conn, control, { queues: ['ping'], concurrency: 4, workerId: 'w1', run });
 * ```
 */
export async function consumeBullmq(c: BullConnection, control: ControlChannel, opts: ConsumeOptions): Promise<Consumer> {
  const running = new Map<string, AbortController>();
  await control.onCancel((jobId, reason) => running.get(jobId)?.abort(new JobCancelledError(jobId, reason)));

  const paused = new Set<JobType>();
  const processor = async (job: Job<BullJobData>, token?: string) => {
    const spec = job.data.spec;
    // BullMQ's pause() does not interrupt a fetch already blocked waiting for a job: one that
    // arrives then is taken anyway. Hand it back so the peer we paused for gets it.
    if (paused.has(spec.jobType)) {
      await job.moveToWait(token);
      throw new WaitingError();
    }
    const refused = opts.accept?.(spec) ?? null;
    if (refused) {
      await job.updateProgress({ percent: 0, step: `waiting: ${refused}` });
      await job.moveToDelayed(Date.now() + REFUSED_RETRY_MS, token);
      throw new DelayedError();
    }
    const ac = new AbortController();
    running.set(spec.jobId, ac);
    let merged: ProgressUpdate = { percent: 0 };
    try {
      return await runControlled(opts.run, {
        spec,
        attempt: job.attemptsMade + 1,
        signal: ac.signal,
        abortGraceMs: opts.abortGraceMs,
        progress: async (p) => {
          merged = { ...merged, ...p };
          await job.updateProgress(merged as object);
        },
      });
    } catch (err) {
      if (err instanceof JobHandedBackError) {
        await job.moveToWait(token);
        throw new WaitingError();
      }
      const info = errorInfo(err);
      if (err instanceof JobCancelledError || err instanceof JobTimeoutError) throw new UnrecoverableError(encodeError(info));
      throw new Error(encodeError(info));
    } finally {
      running.delete(spec.jobId);
    }
  };

  const workers = new Map<JobType, Worker>();
  for (const q of opts.queues) {
    const w = openWorker(c, q, processor as never, {
      concurrency: opts.concurrency,
      name: opts.workerId,
      lockDuration: opts.lockDurationMs ?? 20_000,
      stalledInterval: opts.stalledIntervalMs ?? 15_000,
      maxStalledCount: 2,
      removeOnFail: { count: KEEP_FINISHED },
      removeOnComplete: completedRetention(c),
    });
    // A worker error (lost connection, …) is retried by BullMQ itself; without a listener
    // EventEmitter would turn it into an uncaught exception.
    w.on('error', () => undefined);
    workers.set(q, w);
  }
  await Promise.all([...workers.values()].map((w) => w.waitUntilReady()));

  const pick = (q?: JobType) => (q ? [workers.get(q)].filter((w): w is Worker => !!w) : [...workers.values()]);
  return {
    get active() {
      return running.size;
    },
    async pause(q) {
      for (const t of q ? [q] : opts.queues) paused.add(t);
      await Promise.all(pick(q).map((w) => w.pause(true)));
    },
    async resume(q) {
      for (const t of q ? [q] : opts.queues) paused.delete(t);
      for (const w of pick(q)) w.resume();
    },
    async close({ force = false } = {}) {
      if (force) for (const [id, ac] of running) ac.abort(new JobHandedBackError(id));
      await Promise.all([...workers.values()].map((w) => w.close()));
    },
  };
}

