import type { CowrieStore } from '@cowrieprocessor/core';
import { QuotaExhaustedError } from '../errors.js';
import { sleep } from '../http/sleep.js';
import type { ServiceName } from '../services/types.js';
import type { GrantObserver, RateLimit, RateLimiter } from './rate-limiter.js';
import { reserveStatement } from './sql-reserve.js';
import { BUCKET_CAPACITY, nextUtcMidnight, slotOffsetMs, utcDay } from './token-bucket.js';

/**
 * A rate limiter shared by every process using the same database (table `rate_limit_buckets`).
 * Each acquire is ONE `update … returning` that refills, reserves and counts the day in the
 * database (see `sql-reserve.ts`): atomic on both dialects (PostgreSQL row lock, SQLite write
 * lock) without a transaction held open across awaits — which on better-sqlite3 would block
 * the event loop of a second connection in the same process until the busy timeout.
 *
 * @example
 * ```ts
 * const store = await openStore('postgres://postgres@127.0.0.1/test');
 * const limiter = createSqlRateLimiter(store);
 * await limiter.acquire('dshield', { perInterval: 1, intervalMs: 1000 });
 * ```
 */
export function createSqlRateLimiter(store: CowrieStore, opts: { now?: () => number; closeStore?: boolean; onGrant?: GrantObserver } = {}): RateLimiter {
  const now = opts.now ?? Date.now;
  const reserveOnce = async (service: ServiceName, limit: RateLimit, t: number) => {
    const res = await reserveStatement(service, limit, t).execute(store.db);
    return res.rows[0];
  };
  return {
    name: 'sql',
    async acquire(service: ServiceName, limit: RateLimit, o: { signal?: AbortSignal } = {}) {
      o.signal?.throwIfAborted();
      const t = now();
      let row = await reserveOnce(service, limit, t);
      if (!row) {
        // First use of this service: create a full bucket (racing creators are fine), then reserve.
        await store.db.insertInto('rate_limit_buckets')
          .values({ service, tokens: BUCKET_CAPACITY, updated_ms: t, day: utcDay(t), day_count: 0 })
          .onConflict((oc) => oc.column('service').doNothing())
          .execute();
        row = await reserveOnce(service, limit, t);
      }
      if (!row) throw new Error(`rate_limit_buckets row for ${service} vanished`);
      if (limit.daily !== undefined && Number(row.day_count) > limit.daily) {
        throw new QuotaExhaustedError(service, limit.daily, nextUtcMidnight(t));
      }
      const tokens = Number(row.tokens);
      const perMs = limit.perInterval / limit.intervalMs;
      // The balance is as of the row's updated_ms, which is later than our `t` when another
      // process wrote the bucket while this statement waited for its lock.
      const slotMs = Number(row.updated_ms) + slotOffsetMs(tokens, perMs);
      const waitMs = slotMs - t;
      opts.onGrant?.(service, slotMs);
      await sleep(waitMs, o.signal);
    },
    async close() {
      if (opts.closeStore) await store.close();
    },
  };
}
