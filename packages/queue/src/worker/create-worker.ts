import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { UsageError } from '@cowrieprocessor/core';
import type { Consumer, JobRunner, QueueEngine } from '../engine/queue-engine.js';
import { isoMicros } from '../jobs/job-status.js';
import type { JobType } from '../jobs/job-types.js';
import { beatScheduler } from './beat-scheduler.js';
import { detectCapabilities, unmetRequirement } from './capabilities.js';
import { preferenceGate, queuesToYield } from './preference-gate.js';
import { resolveQueues } from './profiles.js';
import type { WorkerCapabilities, WorkerInfo } from './worker-info.js';

/** Options of {@link createWorker}. */
export interface CreateWorkerOptions {
  engine: QueueEngine;
  /** Handler per job type; every consumed queue needs one. */
  handlers: Partial<Record<JobType, JobRunner>>;
  /** `general` (default), `ml_accelerated` or `io_bound`. */
  profile?: string;
  /** Overrides the profile's queues. */
  queues?: JobType[] | string;
  /** Jobs at once per queue (default 2). */
  concurrency?: number;
  /** Registry id (default `<hostname>-<pid>-<random>`). */
  workerId?: string;
  /** Preference per queue, 0–100 (from `worker-config.yaml`). */
  preferences?: Partial<Record<JobType, number>>;
  /** Detected when omitted. */
  capabilities?: WorkerCapabilities;
  /** Heartbeat interval (default 5 s; the registry shows a worker `lost` after 3 missed). */
  heartbeatMs?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  abortGraceMs?: number;
  /** Called with errors of the heartbeat loop (default: ignored; the next beat retries). */
  onError?: (err: unknown) => void;
}

/** A running worker. */
export interface RunningWorker {
  readonly info: WorkerInfo;
  readonly consumer: Consumer;
  /**
   * Graceful stop (SIGTERM): take no new jobs, let running ones finish for `graceMs` (default
   * 25 s), then abort the rest and hand them back to the queue; leave the registry.
   */
  stop(opts?: { graceMs?: number }): Promise<void>;
}

/**
 * Start a worker: consume the profile's (or given) queues with the given handlers, announce
 * itself in the engine's registry with heartbeats, refuse jobs whose requirements its
 * capabilities do not meet (they wait for a worker that does), and leave queues to a more
 * preferred idle peer.
 *
 * @example
 * ```ts
 * const w = await createWorker({ engine, profile: 'io_bound', concurrency: 4, handlers: { report: runReport } });
 * process.once('SIGTERM', () => void w.stop());
 * ```
 */
export async function createWorker(o: CreateWorkerOptions): Promise<RunningWorker> {
  const queues = resolveQueues(o.profile ?? 'general', o.queues);
  const missing = queues.filter((q) => !o.handlers[q]);
  if (missing.length > 0) throw new UsageError('WORKER_NO_HANDLER', `no handler for queue ${missing.join(', ')}`);
  const capabilities = o.capabilities ?? detectCapabilities();
  let active = 0;
  const info: WorkerInfo = {
    workerId: o.workerId ?? `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    hostname: os.hostname(),
    type: existsSync('/.dockerenv') || process.env.KUBERNETES_SERVICE_HOST ? 'containerized' : 'native',
    profile: o.profile ?? 'general',
    queues,
    concurrency: o.concurrency ?? 2,
    platform: `${process.platform}-${process.arch}`,
    capabilities,
    preferences: o.preferences ?? {},
    active: 0,
    pid: process.pid,
    startedAt: isoMicros(),
  };
  const registry = o.engine.registry;
  const beats = beatScheduler({
    beat: async () => {
      await registry.heartbeat({ ...info, active });
      await gate?.apply(queuesToYield(info, await registry.list()), queues);
    },
    onError: o.onError,
  });
  // Peers route by "has a free slot" (and the registry shows busy or idle): beat when that
  // changes, not on every job, which with tiny jobs would cost more than the jobs themselves.
  const shape = () => (active === 0 ? 'idle' : active < info.concurrency ? 'busy' : 'full');
  const run: JobRunner = async (params, ctx) => {
    const before = shape();
    active++;
    if (shape() !== before) beats.soon();
    try {
      return await o.handlers[ctx.jobType]!(params, ctx);
    } finally {
      const was = shape();
      active--;
      if (shape() !== was) beats.soon(active === 0);
    }
  };
  let gate: ReturnType<typeof preferenceGate> | undefined;
  await registry.heartbeat(info);
  const consumer = await o.engine.consume({
    queues, concurrency: info.concurrency, workerId: info.workerId, run,
    accept: (spec) => unmetRequirement(capabilities, spec.requirements),
    lockDurationMs: o.lockDurationMs, stalledIntervalMs: o.stalledIntervalMs, abortGraceMs: o.abortGraceMs,
  });
  gate = preferenceGate(consumer);
  beats.soon();
  await beats.idle();
  const timer = setInterval(() => beats.soon(), o.heartbeatMs ?? 5000);
  timer.unref();
  return {
    info,
    consumer,
    async stop({ graceMs = 25_000 } = {}) {
      clearInterval(timer);
      let graceTimer: NodeJS.Timeout | undefined;
      const graceful = consumer.close({ force: false });
      const expired = new Promise<'expired'>((r) => (graceTimer = setTimeout(() => r('expired'), graceMs)));
      if ((await Promise.race([graceful.then(() => 'done' as const), expired])) === 'expired') await consumer.close({ force: true });
      clearTimeout(graceTimer);
      // A beat still in flight after the removal would put the entry back.
      beats.stop();
      await beats.idle();
      await registry.remove(info.workerId).catch(() => undefined);
    },
  };
}
