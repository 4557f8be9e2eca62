import { createPostgresEngine } from '../bullmq-postgres/create-postgres-engine.js';
import { createRedisEngine } from '../bullmq-redis/create-redis-engine.js';
import { createEmbeddedEngine } from '../embedded/embedded-engine.js';
import { QueueConfigError } from '../errors.js';
import type { QueueEngine } from './queue-engine.js';

/**
 * The engine `COWRIE_QUEUE` names: a `postgres://` / `postgresql://` URL (BullMQ on PostgreSQL),
 * a `redis://` / `rediss://` URL (BullMQ on Redis) or `embedded` (in-process; the default).
 *
 * @example
 * ```ts
 * const engine = openEngine(process.env.COWRIE_QUEUE);
 * ```
 */
export function openEngine(spec: string | undefined, opts: { lostAfterMs?: number } = {}): QueueEngine {
  const s = (spec ?? '').trim() || 'embedded';
  if (s === 'embedded') return createEmbeddedEngine(opts);
  if (/^postgres(ql)?:\/\//.test(s)) return createPostgresEngine(s, opts);
  if (/^rediss?:\/\//.test(s)) return createRedisEngine(s, opts);
  throw new QueueConfigError('QUEUE_UNKNOWN', `COWRIE_QUEUE: expected a postgres:// or redis:// URL or "embedded", got "${s.replace(/\/\/[^@/]*@/, '//***@')}"`);
}

/**
 * A queue spec for logs, with any password hidden.
 *
 * @example
 * ```ts
 * describeQueue('redis://:secret@host:6379'); // 'redis://***@host:6379'
 * ```
 */
export function describeQueue(spec: string | undefined): string {
  return (spec ?? 'embedded').replace(/\/\/[^@/]*@/, '//***@');
}
