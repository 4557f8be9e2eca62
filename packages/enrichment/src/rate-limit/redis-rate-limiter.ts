import { Redis } from 'ioredis';
import { QuotaExhaustedError } from '../errors.js';
import { sleep } from '../http/sleep.js';
import type { ServiceName } from '../services/types.js';
import type { GrantObserver, RateLimit, RateLimiter } from './rate-limiter.js';
import { nextUtcMidnight } from './token-bucket.js';

// The same reservation as token-bucket.ts `reserve`, run atomically inside Redis. The clock is
// Redis's own TIME, so processes on different hosts share one notion of "now".
// KEYS[1] bucket hash; ARGV: perInterval, intervalMs, daily (or -1), capacity, ttl ms.
// Returns { ok (1/0), waitMs, nowMs }.
const RESERVE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local per = tonumber(ARGV[1]) / tonumber(ARGV[2])
local daily = tonumber(ARGV[3])
local cap = tonumber(ARGV[4])
local day = math.floor(now / 86400000)
local h = redis.call('HMGET', KEYS[1], 'tokens', 'updated_ms', 'day', 'day_count')
local tokens = tonumber(h[1]) or cap
local updated = tonumber(h[2]) or now
local count = tonumber(h[4]) or 0
if tonumber(h[3]) ~= day then count = 0 end
local elapsed = now - updated
if elapsed < 0 then elapsed = 0 end
tokens = math.min(cap, tokens + elapsed * per)
if updated < now then updated = now end
if daily >= 0 and count >= daily then
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated_ms', updated, 'day', day, 'day_count', count)
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  return {0, 0, now}
end
tokens = tokens - 1
local wait = updated - now
if tokens < 0 then wait = wait + math.max(0, math.ceil(-tokens / per - 1e-6)) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated_ms', updated, 'day', day, 'day_count', count + 1)
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return {1, wait, now}
`;

/** Where the Redis limiter keeps its buckets. */
export interface RedisRateLimiterOptions {
  /** A connected client to use (not closed by us), or a `redis://` URL to connect to (closed by `close()`). */
  redis: Redis | string;
  /** Key prefix shared by the processes that share limits (default `cowrie:ratelimit:`). */
  prefix?: string;
  /** Told each granted slot (Redis clock, epoch ms). */
  onGrant?: GrantObserver;
}

/**
 * A rate limiter shared by every process using the same Redis and key prefix; one Lua script
 * per acquire does the whole read-modify-write atomically.
 *
 * @example
 * ```ts
 * const limiter = createRedisRateLimiter({ redis: 'redis://127.0.0.1:6379' });
 * await limiter.acquire('urlhaus', { perInterval: 2, intervalMs: 1000 });
 * await limiter.close();
 * ```
 */
export function createRedisRateLimiter(opts: RedisRateLimiterOptions): RateLimiter {
  const own = typeof opts.redis === 'string';
  const redis = typeof opts.redis === 'string' ? new Redis(opts.redis, { maxRetriesPerRequest: 2 }) : opts.redis;
  const prefix = opts.prefix ?? 'cowrie:ratelimit:';
  return {
    name: 'redis',
    async acquire(service: ServiceName, limit: RateLimit, o: { signal?: AbortSignal } = {}) {
      o.signal?.throwIfAborted();
      // Keep idle buckets for a day past their interval so a daily count survives between runs.
      const ttl = Math.max(limit.intervalMs, 0) + 2 * 86_400_000;
      const res = await redis.eval(RESERVE_LUA, 1, `${prefix}${service}`, limit.perInterval, limit.intervalMs, limit.daily ?? -1, 1, ttl) as [number, number, number];
      if (Number(res[0]) !== 1) throw new QuotaExhaustedError(service, limit.daily ?? 0, nextUtcMidnight(Number(res[2])));
      opts.onGrant?.(service, Number(res[2]) + Number(res[1]));
      await sleep(Number(res[1]), o.signal);
    },
    async close() {
      if (own) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
