import { QuotaExhaustedError } from '../errors.js';
import { sleep } from '../http/sleep.js';
import type { ServiceName } from '../services/types.js';
import type { GrantObserver, RateLimit, RateLimiter } from './rate-limiter.js';
import { reserve, type BucketState } from './token-bucket.js';

/**
 * A rate limiter for one process (tests, single-machine runs without a shared store).
 *
 * @example
 * ```ts
 * const limiter = createMemoryRateLimiter();
 * await limiter.acquire('virustotal', { perInterval: 4, intervalMs: 60_000, daily: 500 });
 * ```
 */
export function createMemoryRateLimiter(opts: { now?: () => number; onGrant?: GrantObserver } = {}): RateLimiter {
  const now = opts.now ?? Date.now;
  const buckets = new Map<ServiceName, BucketState>();
  return {
    name: 'memory',
    async acquire(service: ServiceName, limit: RateLimit, o: { signal?: AbortSignal } = {}) {
      o.signal?.throwIfAborted();
      const t = now();
      const r = reserve(buckets.get(service) ?? null, limit, t);
      buckets.set(service, r.state);
      if (!r.ok) throw new QuotaExhaustedError(service, limit.daily ?? 0, r.resetsAt);
      opts.onGrant?.(service, t + r.waitMs);
      await sleep(r.waitMs, o.signal);
    },
    async close() {
      buckets.clear();
    },
  };
}
