/** How a failed request is retried. */
export interface RetryPolicy {
  /** Total attempts including the first (1 = no retry). */
  maxAttempts: number;
  /** Backoff ceiling of the first retry; doubles per attempt ("exponential"). */
  baseDelayMs: number;
  /** Largest backoff we compute ourselves. */
  maxDelayMs: number;
  /**
   * Largest `Retry-After` we wait for inside one fetch. A longer one (DShield asks for 5
   * minutes) ends the fetch with `RateLimitedError`, so the caller can move on and come back.
   */
  maxRetryAfterMs: number;
}

/** Defaults: 4 attempts (the predecessor's `max_retries=3`), 1 s base, 30 s cap, wait up to 60 s for Retry-After. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 };

/**
 * Exponential backoff with full jitter: uniform in [0, min(max, base·2^retry)). Full jitter
 * spreads retries of many workers that failed together instead of having them return in step.
 *
 * @example
 * ```ts
 * backoffDelay(0, DEFAULT_RETRY_POLICY); // somewhere in [0, 1000)
 * backoffDelay(2, DEFAULT_RETRY_POLICY); // somewhere in [0, 4000)
 * ```
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}
