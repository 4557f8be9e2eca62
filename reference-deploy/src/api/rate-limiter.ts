/**
 * @module Per-key token buckets in memory: each key may spend `burst` requests at once and earns
 * `perSecond` back. One API replica limits on its own (state is per process; say so in the
 * runbook: N replicas allow N × the rate).
 */

/** The verdict on one request. */
export interface RateVerdict {
  allowed: boolean;
  remaining: number;
  /** Seconds until one token is available again (0 when allowed). */
  retryAfter: number;
}

/** A token-bucket limiter keyed by API key id. */
export interface RateLimiter {
  take(key: string): RateVerdict;
  readonly limit: number;
}

/**
 * A limiter of `perSecond` sustained with `burst` capacity.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter({ perSecond: 50, burst: 100 });
 * if (!limiter.take(key.id).allowed) return tooManyRequests();
 * ```
 */
export function createRateLimiter(rate: { perSecond: number; burst: number }, now: () => number = Date.now, maxKeys = 10_000): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    limit: rate.burst,
    take(key) {
      const t = now();
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= maxKeys) buckets.clear(); // keys are configured, so this only guards memory
        buckets.set(key, (b = { tokens: rate.burst, at: t }));
      }
      b.tokens = Math.min(rate.burst, b.tokens + ((t - b.at) / 1000) * rate.perSecond);
      b.at = t;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { allowed: true, remaining: Math.floor(b.tokens), retryAfter: 0 };
      }
      return { allowed: false, remaining: 0, retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / rate.perSecond)) };
    },
  };
}
