import { EventEmitter } from 'node:events';
import type { ConsumeOptions, Consumer, QueueDepth, QueueEngine } from '../engine/queue-engine.js';
import { JobHandedBackError, errorInfo, runControlled } from '../engine/run-controlled.js';
import { JobCancelledError, JobTimeoutError } from '../errors.js';
import { applyProgress, isoMicros, type JobEvent, type JobSpec } from '../jobs/job-status.js';
import { JOB_TYPES, type JobType } from '../jobs/job-types.js';
import { backoffMs, viewOf, type EmbeddedJob } from './embedded-job.js';
import { memoryRegistry } from './memory-registry.js';

/** Options of {@link createEmbeddedEngine}. */
export interface EmbeddedEngineOptions {
  /** A worker without a heartbeat for this long shows as `lost` (default 15 s). */
  lostAfterMs?: number;
  /** Finished jobs kept for reading (oldest dropped first; default 10 000). */
  keepFinished?: number;
}

interface ConsumerState {
  opts: ConsumeOptions;
  active: Map<JobType, number>;
  paused: Set<JobType>;
  closed: boolean;
  running: Map<EmbeddedJob, Promise<void>>;
}

/**
 * The in-process engine for the single-machine default (`COWRIE_QUEUE=embedded`): the coordinator
 * runs the handlers itself, with the same priorities, retries, timeouts, cancel and progress
 * events as the BullMQ engines. Jobs live in memory: a restart forgets queued jobs (use PostgreSQL
 * or Redis when that matters).
 *
 * @example
 * ```ts
 * const engine = createEmbeddedEngine();
 * await engine.consume({ queues: ['ping'], concurrency: 2, workerId: 'local', run: async () => 'pong' });
 * await engine.submit(parseSubmission({ jobType: 'ping' }));
 * ```
 */
export function createEmbeddedEngine(options: EmbeddedEngineOptions = {}): QueueEngine {
  const jobs = new Map<string, EmbeddedJob>();
  const ready = new Map<JobType, EmbeddedJob[]>(JOB_TYPES.map((t) => [t, []]));
  const consumers = new Set<ConsumerState>();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let seq = 0;
  let scheduled = false;
  let finishedOrder: EmbeddedJob[] = [];

  const emit = (type: JobEvent['type'], j: EmbeddedJob, extra: Partial<JobEvent> = {}) =>
    events.emit('job', { type, jobId: j.spec.jobId, jobType: j.spec.jobType, status: { ...j.status }, ...extra } satisfies JobEvent);
  const setState = (j: EmbeddedJob, state: EmbeddedJob['status']['state'], step?: string | null) => {
    j.status = { ...j.status, state, updatedAt: isoMicros(), ...(step !== undefined ? { currentStep: step } : {}) };
  };
  const enqueue = (j: EmbeddedJob) => {
    ready.get(j.spec.jobType)!.push(j);
    schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      dispatch();
    });
  };
  const retain = (j: EmbeddedJob) => {
    finishedOrder.push(j);
    const keep = options.keepFinished ?? 10_000;
    if (finishedOrder.length > keep * 1.1) {
      for (const old of finishedOrder.splice(0, finishedOrder.length - keep)) {
        if (old.finishedAt !== null) jobs.delete(old.spec.jobId);
      }
    }
  };

  function dispatch(): void {
    for (const [queue, list] of ready) {
      if (list.length === 0) continue;
      list.sort((a, b) => a.spec.priority - b.spec.priority || a.seq - b.seq);
      for (let i = 0; i < list.length; i++) {
        const j = list[i]!;
        let refused: string | null = null;
        const c = [...consumers].find((c) => {
          if (c.closed || c.paused.has(queue) || !c.opts.queues.includes(queue)) return false;
          if ((c.active.get(queue) ?? 0) >= c.opts.concurrency) return false;
          const why = c.opts.accept?.(j.spec) ?? null;
          if (why) refused = why;
          return why === null;
        });
        if (!c) {
          if (refused && j.status.currentStep !== `waiting: ${refused}`) setState(j, 'queued', `waiting: ${refused}`);
          continue;
        }
        list.splice(i--, 1);
        start(c, j);
      }
    }
  }

  function start(c: ConsumerState, j: EmbeddedJob): void {
    const queue = j.spec.jobType;
    c.active.set(queue, (c.active.get(queue) ?? 0) + 1);
    j.controller = new AbortController();
    j.attemptsMade++;
    j.startedAt = Date.now();
    j.status = { ...j.status, state: 'in_progress', progressPercent: 0, currentStep: null, updatedAt: isoMicros() };
    emit('active', j);
    const p = runControlled(c.opts.run, {
      spec: j.spec,
      attempt: j.attemptsMade,
      signal: j.controller.signal,
      abortGraceMs: c.opts.abortGraceMs,
      progress: async (u) => {
        if (j.status.state !== 'in_progress') return;
        j.status = applyProgress(j.status, u);
        emit('progress', j);
      },
    }).then(
      (result) => {
        j.result = result;
        j.finishedAt = Date.now();
        j.status = applyProgress({ ...j.status, state: 'completed' }, { percent: 100 });
        emit('completed', j, { result, durationMs: j.finishedAt - j.startedAt! });
        retain(j);
      },
      (err: unknown) => settleFailure(j, err),
    ).finally(() => {
      j.controller = undefined;
      c.active.set(queue, (c.active.get(queue) ?? 1) - 1);
      c.running.delete(j);
      schedule();
    });
    c.running.set(j, p);
  }

  function settleFailure(j: EmbeddedJob, err: unknown): void {
    if (err instanceof JobHandedBackError) {
      j.attemptsMade--;
      setState(j, 'queued', 'handed back by a stopping worker');
      enqueue(j);
      return;
    }
    j.error = errorInfo(err);
    const final = err instanceof JobCancelledError || err instanceof JobTimeoutError || j.attemptsMade >= j.spec.attempts;
    if (!final) {
      const delay = backoffMs(j.spec.backoffMs, j.attemptsMade);
      setState(j, 'queued', `retry ${j.attemptsMade + 1}/${j.spec.attempts} in ${delay} ms after: ${j.error.message}`);
      emit('retrying', j, { error: j.error });
      j.retryTimer = setTimeout(() => {
        j.retryTimer = undefined;
        enqueue(j);
      }, delay);
      return;
    }
    j.finishedAt = Date.now();
    const state = err instanceof JobCancelledError ? 'cancelled' : 'failed';
    setState(j, state);
    emit(state, j, { error: j.error, durationMs: j.finishedAt - (j.startedAt ?? j.finishedAt) });
    retain(j);
  }

  const removeReady = (j: EmbeddedJob) => {
    const list = ready.get(j.spec.jobType)!;
    const i = list.indexOf(j);
    if (i >= 0) list.splice(i, 1);
  };

  const engine: QueueEngine = {
    kind: 'embedded',
    registry: memoryRegistry(options.lostAfterMs ?? 15_000),
    async submit(spec: JobSpec) {
      const j: EmbeddedJob = {
        spec, seq: seq++, attemptsMade: 0, startedAt: null, finishedAt: null,
        status: { jobId: spec.jobId, state: 'queued', progressPercent: 0, currentStep: null, processed: null, total: null, updatedAt: isoMicros() },
      };
      jobs.set(spec.jobId, j);
      emit('queued', j);
      enqueue(j);
      return viewOf(j);
    },
    async get(id) {
      const j = jobs.get(id);
      return j ? viewOf(j) : null;
    },
    async list(f = {}) {
      const out = [...jobs.values()]
        .filter((j) => (!f.state || j.status.state === f.state) && (!f.jobType || j.spec.jobType === f.jobType))
        .sort((a, b) => b.seq - a.seq);
      return out.slice(0, f.limit ?? 50).map(viewOf);
    },
    async cancel(id, reason = 'cancelled by request') {
      const j = jobs.get(id);
      if (!j) return null;
      if (j.status.state === 'queued') {
        clearTimeout(j.retryTimer);
        removeReady(j);
        j.error = { code: 'JOB_CANCELLED', message: reason };
        j.finishedAt = Date.now();
        setState(j, 'cancelled');
        emit('cancelled', j, { error: j.error });
        retain(j);
      } else if (j.status.state === 'in_progress') {
        j.controller?.abort(new JobCancelledError(id, reason));
      }
      return viewOf(j);
    },
    async retry(id) {
      const j = jobs.get(id);
      if (!j) return null;
      if (j.status.state !== 'failed' && j.status.state !== 'cancelled') return viewOf(j);
      finishedOrder = finishedOrder.filter((x) => x !== j);
      j.attemptsMade = 0;
      j.error = undefined;
      j.finishedAt = null;
      j.status = { ...j.status, state: 'queued', progressPercent: 0, currentStep: 're-driven', updatedAt: isoMicros() };
      emit('queued', j);
      enqueue(j);
      return viewOf(j);
    },
    async subscribe(listener) {
      events.on('job', listener);
      return () => events.off('job', listener);
    },
    async depth() {
      const out = Object.fromEntries(JOB_TYPES.map((t) => [t, { queued: 0, delayed: 0, inProgress: 0, completed: 0, failed: 0 }])) as Record<JobType, QueueDepth>;
      for (const j of jobs.values()) {
        const d = out[j.spec.jobType];
        const s = j.status.state;
        if (s === 'queued') j.retryTimer ? d.delayed++ : d.queued++;
        else if (s === 'in_progress') d.inProgress++;
        else if (s === 'completed') d.completed++;
        else d.failed++;
      }
      return out;
    },
    async consume(opts): Promise<Consumer> {
      const c: ConsumerState = { opts, active: new Map(), paused: new Set(), closed: false, running: new Map() };
      consumers.add(c);
      schedule();
      return {
        get active() {
          return c.running.size;
        },
        async pause(q) {
          for (const x of q ? [q] : opts.queues) c.paused.add(x);
        },
        async resume(q) {
          for (const x of q ? [q] : opts.queues) c.paused.delete(x);
          schedule();
        },
        async close({ force = false } = {}) {
          c.closed = true;
          if (force) for (const j of c.running.keys()) j.controller?.abort(new JobHandedBackError(j.spec.jobId));
          await Promise.allSettled(c.running.values());
          consumers.delete(c);
        },
      };
    },
    async ping() {},
    async close() {
      for (const c of consumers) {
        c.closed = true;
        for (const j of c.running.keys()) j.controller?.abort(new JobHandedBackError(j.spec.jobId));
      }
      await Promise.allSettled([...consumers].flatMap((c) => [...c.running.values()]));
      for (const j of jobs.values()) clearTimeout(j.retryTimer);
      events.removeAllListeners();
    },
  };
  return engine;
}
