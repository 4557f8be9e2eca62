import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createTestDatabase, testDialects } from '../../support/dialects.js';
import { createMemoryRateLimiter } from '../../../src/rate-limit/memory-rate-limiter.js';
import type { RateLimiter } from '../../../src/rate-limit/rate-limiter.js';
import { createRedisRateLimiter } from '../../../src/rate-limit/redis-rate-limiter.js';
import { createSqlRateLimiter } from '../../../src/rate-limit/sql-rate-limiter.js';

/** Redis used by the tests; a missing Redis fails them (never skips). */
export const TEST_REDIS_URL = process.env.COWRIE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * One rate-limiter "backend" for the conformance suite: `open()` returns a new limiter on the
 * SAME shared state each time (same database / Redis prefix), so two instances stand in for
 * two processes; `describe` says what a child process needs to reach it.
 */
export interface LimiterTarget {
  name: string;
  shared: boolean;
  /** For child processes: `memory` | `sqlite` | `postgres` | `redis` and the target string. */
  kind: 'memory' | 'sqlite' | 'postgres' | 'redis';
  target: string;
  open(): Promise<RateLimiter>;
  dispose(): Promise<void>;
}

/** Every adapter the port has, over every dialect the store supports. */
export function limiterTargets(): Array<{ name: string; make: () => Promise<LimiterTarget> }> {
  const out: Array<{ name: string; make: () => Promise<LimiterTarget> }> = [{ name: 'memory', make: async () => {
    const one = createMemoryRateLimiter();
    return { name: 'memory', shared: false, kind: 'memory', target: '', open: async () => one, dispose: async () => one.close() };
  } }];
  for (const dialect of testDialects()) {
    out.push({ name: `sql (${dialect})`, make: async () => {
      const tdb = createTestDatabase(dialect);
      const stores: Array<{ close(): Promise<void> }> = [];
      const first = await tdb.open(); // creates the schema
      stores.push(first);
      return {
        name: `sql (${dialect})`, shared: true, kind: dialect, target: tdb.target,
        async open() {
          const s = await tdb.open({ access: 'write' });
          stores.push(s);
          return createSqlRateLimiter(s);
        },
        async dispose() {
          for (const s of stores) await s.close();
          await tdb.drop();
        },
      };
    } });
  }
  out.push({ name: 'redis', make: async () => {
    const prefix = `cowrie:test:${randomBytes(6).toString('hex')}:`;
    const clients: RateLimiter[] = [];
    return {
      name: 'redis', shared: true, kind: 'redis', target: prefix,
      async open() {
        const l = createRedisRateLimiter({ redis: TEST_REDIS_URL, prefix });
        clients.push(l);
        return l;
      },
      async dispose() {
        const r = new Redis(TEST_REDIS_URL);
        const keys = await r.keys(`${prefix}*`);
        if (keys.length) await r.del(...keys);
        await r.quit();
        for (const c of clients) await c.close();
      },
    };
  } });
  return out;
}
