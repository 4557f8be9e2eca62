import { createPostgresBackend, type BackendFactory } from 'bullmq';
import { createBullmqEngine, type BullmqEngineOptions } from '../bullmq/bullmq-engine.js';
import type { BullConnection } from '../bullmq/bullmq-connection.js';
import type { QueueEngine } from '../engine/queue-engine.js';

/** Schema BullMQ's tables go in when the URL names none (apart from our `cowrie` schema). */
export const DEFAULT_QUEUE_SCHEMA = 'cowrie_queue';

/**
 * The BullMQ connection for a `postgres://` URL. `?schema=NAME` picks the PostgreSQL schema of
 * BullMQ's tables (default {@link DEFAULT_QUEUE_SCHEMA}); BullMQ creates and migrates it on first
 * use. Pools are kept small (`max` 3) because every Worker and QueueEvents holds its own.
 *
 * @example
 * ```ts
 * const conn = postgresConnection('postgres://postgres@127.0.0.1:5432/test?schema=jobs_a');
 * ```
 */
export function postgresConnection(url: string): BullConnection {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? DEFAULT_QUEUE_SCHEMA;
  u.searchParams.delete('schema');
  return {
    kind: 'postgres',
    connection: { connectionString: u.toString(), schema, migrate: true, max: 3 },
    factory: createPostgresBackend as unknown as BackendFactory,
    prefix: 'bull',
    close: async () => undefined,
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
