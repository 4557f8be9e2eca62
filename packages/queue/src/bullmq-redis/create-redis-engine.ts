import { createBullmqEngine, type BullmqEngineOptions } from '../bullmq/bullmq-engine.js';
import type { BullConnection } from '../bullmq/bullmq-connection.js';
import type { QueueEngine } from '../engine/queue-engine.js';

/**
 * The BullMQ connection for a `redis://` (or `rediss://`) URL. `?prefix=NAME` sets the key
 * prefix (default `cowrie`), so several deployments or tests can share one Redis.
 *
 * @example
 * ```ts
 * const conn = redisConnection('redis://127.0.0.1:6379/0?prefix=test-1');
 * ```
 */
export function redisConnection(url: string): BullConnection {
  const u = new URL(url);
  const prefix = u.searchParams.get('prefix') ?? 'cowrie';
  const db = Number(u.pathname.replace(/^\//, '') || 0);
  const connection = {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    db,
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    // Workers block on the connection; BullMQ requires unlimited retries there.
    maxRetriesPerRequest: null,
    enableAutoPipelining: true,
    autoPipeliningIgnoredCommands: ['bzpopmin', 'xread', 'blpop', 'brpoplpush', 'blmove', 'bzpopmax'],
  };
  return { kind: 'redis', connection, prefix, close: async () => undefined };
}

/**
 * BullMQ on Redis: lower latency at scale.
 *
 * @example
 * ```ts
 * const engine = createRedisEngine('redis://127.0.0.1:6379?prefix=cowrie');
 * ```
 */
export function createRedisEngine(url: string, opts: BullmqEngineOptions = {}): QueueEngine {
  return createBullmqEngine(redisConnection(url), opts);
}
