import { createPostgresBackend, type BackendFactory } from 'bullmq';
import { createBullmqEngine, type BullmqEngineOptions } from '../bullmq/bullmq-engine.js';
import type { BullConnection } from '../bullmq/bullmq-connection.js';
import { CONTROL_QUEUE } from '../bullmq/control-channel.js';
import type { QueueEngine } from '../engine/queue-engine.js';
import { QueueConfigError } from '../errors.js';
import { JOB_TYPES } from '../jobs/job-types.js';
import { openPgEventStream, type PgEventStream } from './pg-event-stream.js';

/** Schema BullMQ's tables go in when the URL names none (apart from our `cowrie` schema). */
export const DEFAULT_QUEUE_SCHEMA = 'cowrie_queue';

/**
 * Connections per BullMQ Queue or Worker pool. Pools open connections only as concurrent queries
 * need them and close idle ones after 10 s; 3 (the old value) held a worker at concurrency 8 to 3
 * transactions at a time and capped a worker near 150 jobs/s here.
 */
export const DEFAULT_POOL_SIZE = 8;

/**
 * The BullMQ connection for a `postgres://` URL. `?schema=NAME` picks the PostgreSQL schema of
 * BullMQ's tables (default {@link DEFAULT_QUEUE_SCHEMA}); BullMQ creates and migrates it on first
 * use. `?pool=N` sets each Queue's and Worker's pool size (default {@link DEFAULT_POOL_SIZE}).
 *
 * @example
 * ```ts
 * const conn = postgresConnection('postgres://postgres@127.0.0.1:5432/test?schema=jobs_a');
 * ```
 */
export function postgresConnection(url: string): BullConnection {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? DEFAULT_QUEUE_SCHEMA;
  const max = Number(u.searchParams.get('pool') ?? DEFAULT_POOL_SIZE);
  if (!Number.isInteger(max) || max < 1 || max > 100) throw new QueueConfigError('QUEUE_POOL', `COWRIE_QUEUE: ?pool= expects 1–100 connections, got "${u.searchParams.get('pool')}"`);
  u.searchParams.delete('schema');
  u.searchParams.delete('pool');
  // BullMQ's QueueEvents loses events on PostgreSQL (see openPgEventStream): one gap-aware reader
  // per engine serves every queue instead, opened on first use.
  let stream: PgEventStream | undefined;
  return {
    kind: 'postgres',
    connection: { connectionString: u.toString(), schema, migrate: true, max },
    factory: createPostgresBackend as unknown as BackendFactory,
    prefix: 'bull',
    events: (name) => (stream ??= openPgEventStream({ connectionString: u.toString(), schema, queues: [...JOB_TYPES, CONTROL_QUEUE] })).forQueue(name),
    close: async () => {
      await stream?.close();
      stream = undefined;
    },
  };
}

/**
 * BullMQ on PostgreSQL: PostgreSQL as the only server.
 *
 * @example
 * ```ts
 * const engine = createPostgresEngine('postgres://postgres@127.0.0.1:5432/test?schema=jobs');
 * ```
 */
export function createPostgresEngine(url: string, opts: BullmqEngineOptions = {}): QueueEngine {
  return createBullmqEngine(postgresConnection(url), opts);
}
