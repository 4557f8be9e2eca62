import type { Job, Queue } from 'bullmq';
import { EventEmitter } from 'node:events';
import type { ListFilter, QueueDepth, QueueEngine } from '../engine/queue-engine.js';
import { isoMicros, type JobEvent, type JobSpec, type JobView } from '../jobs/job-status.js';
import { JOB_TYPES, type JobType } from '../jobs/job-types.js';
import { openEventSource, openQueue, type BullConnection, type QueueEventSource } from './bullmq-connection.js';
import { consumeBullmq } from './bullmq-consumer.js';
import { bridgeQueueEvents } from './bullmq-events.js';
import { openControlChannel } from './control-channel.js';
import { viewOfJob, type BullJobData, type BullState } from './job-codec.js';
import { KEEP_FINISHED, completedRetention, trimFinished } from './retention.js';

/** Options shared by the BullMQ engines. */
export interface BullmqEngineOptions {
  /** A worker without a heartbeat for this long shows as `lost` (default 15 s). */
  lostAfterMs?: number;
}

const LIST_STATES: Record<string, string[]> = {
  queued: ['waiting', 'prioritized', 'delayed'],
  in_progress: ['active'],
  completed: ['completed'],
  failed: ['failed'],
  cancelled: ['failed'],
};

/**
 * The engine over BullMQ 6, identical for PostgreSQL and Redis: only the {@link BullConnection}
 * differs. Queues, QueueEvents and producers are opened lazily, so a worker process only opens
 * what it consumes.
 *
 * @example
 * ```ts
 * const engine = createBullmqEngine(await postgresConnection('postgres://…/test?schema=jobs'));
 * ```
 */
export function createBullmqEngine(c: BullConnection, opts: BullmqEngineOptions = {}): QueueEngine {
  const queues = new Map<JobType, Queue>();
  const control = openControlChannel(c, opts.lostAfterMs ?? 15_000);
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let bridges: Promise<QueueEventSource[]> | undefined;
  const consumers: Array<{ close(o?: { force?: boolean }): Promise<void> }> = [];

  const queueOf = async (t: JobType): Promise<Queue> => {
    let q = queues.get(t);
    if (!q) {
      q = openQueue(c, t);
      queues.set(t, q);
    }
    await q.waitUntilReady();
    return q;
  };
  const findJob = async (jobId: string): Promise<Job<BullJobData> | null> => {
    // The id does not say its type: look in each queue (ids are UUIDs, so at most one hit).
    const found = await Promise.all(JOB_TYPES.map(async (t) => (await queueOf(t)).getJob(jobId) as Promise<Job<BullJobData> | undefined>));
    return found.find((j) => j) ?? null;
  };
  const view = async (job: Job<BullJobData>) => {
    const state = (await job.getState()) as BullState;
    // The snapshot may predate the state (the job finished between the two reads): read it again
    // so that a completed job always comes with its result and a failed one with its error.
    const fresh = (state === 'completed' || state === 'failed') && !job.finishedOn ? ((await findJob(job.id!)) ?? job) : job;
    return viewOfJob(fresh, state);
  };

  const engine: QueueEngine = {
    kind: c.kind,
    registry: control.registry,
    async submit(spec: JobSpec) {
      const q = await queueOf(spec.jobType);
      const job = (await q.add(spec.jobType, { spec } satisfies BullJobData, {
        jobId: spec.jobId,
        priority: spec.priority,
        attempts: spec.attempts,
        backoff: { type: 'exponential', delay: spec.backoffMs },
        removeOnComplete: completedRetention(c),
        removeOnFail: { count: KEEP_FINISHED },
      })) as Job<BullJobData>;
      return viewOfJob(job, 'waiting');
    },
    async get(jobId) {
      const job = await findJob(jobId);
      if (job) return view(job);
      return control.getTombstone(jobId);
    },
    async list(f: ListFilter = {}) {
      const limit = f.limit ?? 50;
      const types = f.jobType ? [f.jobType] : [...JOB_TYPES];
      const states = f.state ? LIST_STATES[f.state]! : ['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed'];
      const jobs = (await Promise.all(types.map(async (t) => (await queueOf(t)).getJobs(states as never, 0, limit - 1, false) as Promise<Job<BullJobData>[]>))).flat();
      let views = await Promise.all(jobs.filter((j) => j?.data?.spec).map(view));
      if (f.state === 'cancelled' || !f.state) {
        views = views.concat((await control.listTombstones()).filter((v) => !f.jobType || v.jobType === f.jobType));
      }
      return views
        .filter((v) => !f.state || v.state === f.state)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, limit);
    },
    async cancel(jobId, reason = 'cancelled by request') {
      const job = await findJob(jobId);
      if (!job) return control.getTombstone(jobId);
      const state = (await job.getState()) as BullState;
      if (state === 'waiting' || state === 'prioritized' || state === 'delayed') {
        const removed = await job.remove().then(() => true, () => false);
        if (removed) {
          const v = viewOfJob(job, state);
          const tomb: JobView = { ...v, state: 'cancelled', currentStep: null, updatedAt: isoMicros(), finishedAt: new Date().toISOString(), error: { code: 'JOB_CANCELLED', message: reason } };
          await control.putTombstone(tomb);
          emitter.emit('job', { type: 'cancelled', jobId, jobType: v.jobType, status: tomb, error: tomb.error } satisfies JobEvent);
          return tomb;
        }
      }
      // Running (or it started while we tried): the worker holding it aborts its handler.
      if (state === 'active' || state === 'waiting' || state === 'prioritized' || state === 'delayed') await control.requestCancel(jobId, reason);
      return view(job);
    },
    async retry(jobId) {
      const job = await findJob(jobId);
      if (!job) {
        const tomb = await control.getTombstone(jobId);
        if (!tomb) return null;
        await control.dropTombstone(jobId);
        const { jobType, parameters, priority, createdAt, timeoutSeconds, maxAttempts, requirements } = tomb;
        return engine.submit({ jobId, jobType, parameters, priority, createdAt, timeoutSeconds, attempts: maxAttempts, backoffMs: 1000, ...(requirements ? { requirements } : {}) });
      }
      if ((await job.getState()) === 'failed') await job.retry('failed', { resetAttemptsMade: true });
      return view(job);
    },
    async subscribe(listener) {
      bridges ??= Promise.all(JOB_TYPES.map(async (t) => {
        await queueOf(t);
        const ev = openEventSource(c, t);
        bridgeQueueEvents(ev, t, (e) => emitter.emit('job', e));
        await ev.waitUntilReady();
        return ev;
      }));
      await bridges;
      emitter.on('job', listener);
      return () => emitter.off('job', listener);
    },
    async depth() {
      const out = {} as Record<JobType, QueueDepth>;
      await Promise.all(JOB_TYPES.map(async (t) => {
        const n = await (await queueOf(t)).getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed');
        out[t] = { queued: (n.waiting ?? 0) + (n.prioritized ?? 0), delayed: n.delayed ?? 0, inProgress: n.active ?? 0, completed: n.completed ?? 0, failed: n.failed ?? 0 };
      }));
      return out;
    },
    async consume(o) {
      const consumer = await consumeBullmq(c, control, o);
      // Only PostgreSQL needs the periodic trim (and the extra Queue handles it uses).
      const stopTrim = c.kind === 'postgres' ? trimFinished(c, await Promise.all(o.queues.map(queueOf))) : () => undefined;
      const close = consumer.close.bind(consumer);
      consumer.close = async (x) => {
        stopTrim();
        await close(x);
      };
      consumers.push(consumer);
      return consumer;
    },
    async ping() {
      await (await queueOf('ping')).getJobCounts('waiting');
    },
    async close() {
      await Promise.allSettled(consumers.map((x) => x.close({ force: true })));
      const evs = bridges ? await bridges.catch(() => []) : [];
      await Promise.allSettled([...evs.map((e) => e.close()), ...[...queues.values()].map((q) => q.close()), control.close()]);
      await c.close();
    },
  };
  return engine;
}
