/**
 * @module `cowrie worker`: consume queues with the real handlers, announce the worker in the
 * registry, stop gracefully on SIGTERM (finish or hand back the running jobs).
 */
import { UsageError } from '@cowrieprocessor/core';
import { createWorker, describeQueue, isJobType, openEngine, type JobType, type QueueEngine, type RunningWorker } from '@cowrieprocessor/queue';
import { createApiLogger, type ApiLogger, type LogLevel } from '../shared/api-logger.js';
import { createHandlers, storeCache } from './handlers/index.js';

/** Settings of a worker process (flags over env). */
export interface WorkerConfig {
  queue: string;
  db?: string;
  profile: string;
  queues?: string;
  concurrency: number;
  /** `snowshoe=100,longtail=80` (worker preference 0–100 per queue). */
  preferences: Partial<Record<JobType, number>>;
  workerId?: string;
  heartbeatMs?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/**
 * Parse `queue=N,…` preferences (0–100).
 *
 * @example
 * ```ts
 * parsePreferences('snowshoe=100,report=10'); // { snowshoe: 100, report: 10 }
 * ```
 */
export function parsePreferences(text: string | undefined): Partial<Record<JobType, number>> {
  const out: Partial<Record<JobType, number>> = {};
  for (const part of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [q, v] = part.split('=');
    const n = Number(v);
    if (!q || !isJobType(q) || !Number.isInteger(n) || n < 0 || n > 100) throw new UsageError('BAD_PREFERENCE', `--prefer: expected queue=0..100 (e.g. snowshoe=100), got "${part}"`);
    out[q] = n;
  }
  return out;
}

/**
 * The worker's log level from `COWRIE_LOG_LEVEL` (default `info`, which logs every job start and
 * end; `warn` keeps only failures, for fleets running many tiny jobs).
 *
 * @example
 * ```ts
 * envLogLevel('warn'); // 'warn'
 * envLogLevel(undefined); // 'info'
 * ```
 */
export function envLogLevel(value: string | undefined): LogLevel {
  const v = (value ?? '').trim();
  if (v === '') return 'info';
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(v)) throw new UsageError('BAD_LOG_LEVEL', `COWRIE_LOG_LEVEL: expected debug, info, warn, error or silent, got "${v}"`);
  return v as LogLevel;
}

/** A running worker process. */
export interface WorkerService {
  worker: RunningWorker;
  engine: QueueEngine;
  stop(graceMs?: number): Promise<void>;
}

/**
 * Start a worker.
 *
 * @example
 * ```ts
 * const svc = await startWorker({ queue: process.env.COWRIE_QUEUE!, db: process.env.COWRIE_DB, profile: 'general', concurrency: 2, preferences: {} });
 * process.once('SIGTERM', () => void svc.stop());
 * ```
 */
export async function startWorker(config: WorkerConfig, log: ApiLogger = createApiLogger(envLogLevel(process.env.COWRIE_LOG_LEVEL), process.stdout, 'worker')): Promise<WorkerService> {
  if (config.queue.trim() === 'embedded') {
    throw new UsageError('WORKER_NEEDS_QUEUE', 'a separate worker needs a shared queue: set COWRIE_QUEUE to a postgres:// or redis:// URL (with "embedded" the coordinator runs jobs itself)');
  }
  const engine = openEngine(config.queue);
  const stores = storeCache(config.db);
  const handlers = createHandlers(stores);
  const logged = Object.fromEntries(Object.entries(handlers).map(([type, h]) => [type, async (p: Record<string, unknown>, ctx: Parameters<typeof h>[1]) => {
    const t0 = Date.now();
    log.info('job started', { jobId: ctx.jobId, jobType: type, attempt: ctx.attempt });
    try {
      const r = await h(p, ctx);
      log.info('job completed', { jobId: ctx.jobId, jobType: type, ms: Date.now() - t0 });
      return r;
    } catch (err) {
      log.warn('job failed', { jobId: ctx.jobId, jobType: type, ms: Date.now() - t0, error: (err as Error).message, code: (err as { code?: string }).code });
      throw err;
    }
  }])) as typeof handlers;
  const worker = await createWorker({
    engine, handlers: logged, profile: config.profile, queues: config.queues, concurrency: config.concurrency,
    preferences: config.preferences, workerId: config.workerId, heartbeatMs: config.heartbeatMs,
    lockDurationMs: config.lockDurationMs, stalledIntervalMs: config.stalledIntervalMs,
    onError: (err) => log.warn('heartbeat failed', { error: (err as Error).message }),
  });
  log.info('worker started', { workerId: worker.info.workerId, queue: describeQueue(config.queue), queues: worker.info.queues, concurrency: worker.info.concurrency, preferences: config.preferences, capabilities: worker.info.capabilities });
  return {
    worker,
    engine,
    async stop(graceMs = 25_000) {
      log.info('worker stopping', { workerId: worker.info.workerId, active: worker.consumer.active });
      await worker.stop({ graceMs });
      await engine.close();
      await stores.close();
      log.info('worker stopped', { workerId: worker.info.workerId });
    },
  };
}
