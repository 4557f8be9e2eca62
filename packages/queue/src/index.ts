/**
 * `@cowrieprocessor/queue`: typed jobs and their status, validated per job type; the
 * {@link QueueEngine} port with BullMQ-on-PostgreSQL, BullMQ-on-Redis and embedded engines
 * (chosen by `COWRIE_QUEUE`); and the worker runtime (profiles, capabilities, registry with
 * heartbeats, preference routing, thread and sandboxed-process handlers with real cancel).
 *
 * @example
 * ```ts
 * import { openEngine, parseSubmission, createWorker } from '@cowrieprocessor/queue';
 * const engine = openEngine(process.env.COWRIE_QUEUE);
 * await createWorker({ engine, profile: 'general', handlers: { ping: async () => 'pong' }, queues: ['ping'] });
 * const job = await engine.submit(parseSubmission({ jobType: 'ping', parameters: {} }));
 * ```
 * @packageDocumentation
 */
export * from './errors.js';
export * from './jobs/job-types.js';
export * from './jobs/job-schemas.js';
export * from './jobs/job-status.js';
export { parseSubmission } from './jobs/parse-submission.js';
export type { QueueEngine, JobContext, JobRunner, ConsumeOptions, Consumer, ListFilter, QueueDepth, WorkerRegistry } from './engine/queue-engine.js';
export { runControlled, errorInfo, JobHandedBackError, type ControlledRun } from './engine/run-controlled.js';
export { openEngine, describeQueue } from './engine/open-engine.js';
export { createEmbeddedEngine, type EmbeddedEngineOptions } from './embedded/embedded-engine.js';
export { createPostgresEngine, postgresConnection, DEFAULT_QUEUE_SCHEMA, DEFAULT_POOL_SIZE } from './bullmq-postgres/create-postgres-engine.js';
export { createRedisEngine, redisConnection } from './bullmq-redis/create-redis-engine.js';
export { createBullmqEngine, type BullmqEngineOptions } from './bullmq/bullmq-engine.js';
export type { BullConnection } from './bullmq/bullmq-connection.js';
export { CONTROL_QUEUE } from './bullmq/control-channel.js';
export { threadHandler, type ThreadHandlerOptions } from './isolate/thread-handler.js';
export { processHandler, type ProcessHandlerOptions } from './isolate/process-handler.js';
export { createWorker, type CreateWorkerOptions, type RunningWorker } from './worker/create-worker.js';
export { WORKER_PROFILES, resolveQueues, type WorkerProfile } from './worker/profiles.js';
export { detectCapabilities, unmetRequirement } from './worker/capabilities.js';
export { queuesToYield, DEFAULT_PREFERENCE } from './worker/preference-gate.js';
export type { WorkerInfo, WorkerRecord, WorkerCapabilities } from './worker/worker-info.js';
