import { Queue, QueueEvents, QueueEventsProducer, Worker, type BackendFactory, type Processor, type WorkerOptions } from 'bullmq';

/**
 * How to reach one BullMQ datastore: the connection option, the backend factory (PostgreSQL's,
 * or none for Redis) and the key prefix. Every Queue, Worker and QueueEvents of an engine is
 * built through it, so the PostgreSQL and Redis engines share all other code.
 */
export interface BullConnection {
  kind: 'postgres' | 'redis';
  /** Passed as BullMQ's `connection` (PostgreSQL pool config, or ioredis options/instance). */
  connection: unknown;
  /** BullMQ's backend factory (`createPostgresBackend`), undefined for Redis. */
  factory?: BackendFactory;
  /** Key prefix (Redis); PostgreSQL namespaces by schema instead. */
  prefix: string;
  /** Connection for blocking clients (Worker, QueueEvents), when it differs from `connection`. */
  blockingConnection?: unknown;
  /**
   * Where queue events come from when BullMQ's QueueEvents will not do (PostgreSQL: see
   * `openPgEventStream`); QueueEvents when undefined.
   */
  events?: (name: string) => QueueEventSource;
  /** Release what the connection owns (a shared ioredis client, the event reader). */
  close(): Promise<void>;
}

/** What the engine needs of a queue's event stream: BullMQ's QueueEvents has this shape. */
export interface QueueEventSource {
  // Listener arguments differ per event, as with QueueEvents.
  on(event: string, listener: (args: any, id: string) => void): unknown;
  waitUntilReady(): Promise<unknown>;
  close(): Promise<void>;
}

// BullMQ's constructors are overloaded on the backend type; through this one untyped seam the
// engine code stays the same for both backends.
type AnyCtor = new (...args: unknown[]) => unknown;

/**
 * A BullMQ Queue on this connection.
 *
 * @example
 * ```ts
 * const q = openQueue(conn, 'snowshoe');
 * ```
 */
export function openQueue(c: BullConnection, name: string): Queue {
  return new (Queue as unknown as AnyCtor)(name, { connection: c.connection, prefix: c.prefix }, c.factory) as Queue;
}

/**
 * A BullMQ QueueEvents listener on this connection.
 *
 * @example
 * ```ts
 * const ev = openQueueEvents(conn, 'snowshoe');
 * ```
 */
export function openQueueEvents(c: BullConnection, name: string): QueueEvents {
  return new (QueueEvents as unknown as AnyCtor)(name, { connection: c.blockingConnection ?? c.connection, prefix: c.prefix }, c.factory) as QueueEvents;
}

/**
 * The event stream of queue `name`: the connection's own reader when it has one, else BullMQ's
 * QueueEvents.
 *
 * @example
 * ```ts
 * openEventSource(conn, 'ping').on('completed', ({ jobId }) => console.log(jobId));
 * ```
 */
export function openEventSource(c: BullConnection, name: string): QueueEventSource {
  return c.events ? c.events(name) : openQueueEvents(c, name);
}

/**
 * A producer of custom events on `name`'s event stream.
 *
 * @example
 * ```ts
 * await openProducer(conn, 'cowrie-control').publishEvent({ eventName: 'cowrie-cancel', jobId });
 * ```
 */
export function openProducer(c: BullConnection, name: string): QueueEventsProducer {
  return new (QueueEventsProducer as unknown as AnyCtor)(name, { connection: c.connection, prefix: c.prefix }, c.factory) as QueueEventsProducer;
}

/**
 * A BullMQ Worker on this connection.
 *
 * @example
 * ```ts
 * const w = openWorker(conn, 'snowshoe', processor, { concurrency: 2 });
 * ```
 */
export function openWorker(c: BullConnection, name: string, processor: Processor, opts: Omit<WorkerOptions, 'connection'>): Worker {
  return new (Worker as unknown as AnyCtor)(name, processor, { ...opts, connection: c.blockingConnection ?? c.connection, prefix: c.prefix }, c.factory) as Worker;
}
