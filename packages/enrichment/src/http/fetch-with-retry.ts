import { EnrichmentError, RateLimitedError } from '../errors.js';
import type { RateLimit, RateLimiter } from '../rate-limit/rate-limiter.js';
import type { ServiceName } from '../services/types.js';
import { backoffDelay, type RetryPolicy } from './backoff.js';
import { httpRequest, type HttpOptions, type HttpRequestSpec, type HttpResponse } from './http-request.js';
import { sleep } from './sleep.js';

/** What one service's requests go through: its limiter, transport and retry policy. */
export interface RequestPipeline {
  service: ServiceName;
  limiter: RateLimiter;
  rate: RateLimit;
  http: HttpOptions;
  retry: RetryPolicy;
  /** Called once per HTTP attempt (counting API calls, logging); errors in it are ignored. */
  onAttempt?: (info: { service: ServiceName; attempt: number; delayMs?: number; error?: EnrichmentError }) => void;
  /** Randomness for jitter (tests pin it). */
  random?: () => number;
}

/**
 * Send a request with a rate-limit token per attempt, retrying retryable failures (429, 5xx,
 * timeouts, connection errors) with exponential backoff and full jitter, or exactly the
 * server's `Retry-After` when it gives one. `interpret` turns a response into the answer or
 * throws (see `statusError`); a non-retryable error ends the fetch at once.
 *
 * @example
 * ```ts
 * const answer = await fetchWithRetry(pipeline, { method: 'GET', url }, (res) => interpretDshield(res));
 * ```
 */
export async function fetchWithRetry<T>(p: RequestPipeline, spec: HttpRequestSpec, interpret: (res: HttpResponse) => T, signal?: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    await p.limiter.acquire(p.service, p.rate, { signal });
    try {
      const res = await httpRequest(p.service, spec, p.http, signal);
      const out = interpret(res);
      notify(p, { service: p.service, attempt });
      return out;
    } catch (err) {
      if (!(err instanceof EnrichmentError)) throw err;
      const delayMs = retryDelay(p, err, attempt);
      notify(p, { service: p.service, attempt, error: err, ...(delayMs === null ? {} : { delayMs }) });
      if (delayMs === null) throw err;
      await sleep(delayMs, signal);
    }
  }
}

/** Milliseconds to wait before the next attempt, or `null` when this error ends the fetch. */
function retryDelay(p: RequestPipeline, err: EnrichmentError, attempt: number): number | null {
  if (!err.retryable || attempt >= p.retry.maxAttempts) return null;
  const asked = err instanceof RateLimitedError ? err.retryAfterMs : (err.details.retryAfterMs as number | null | undefined);
  if (typeof asked === 'number') return asked > p.retry.maxRetryAfterMs ? null : asked;
  return backoffDelay(attempt - 1, p.retry, p.random);
}

function notify(p: RequestPipeline, info: Parameters<NonNullable<RequestPipeline['onAttempt']>>[0]): void {
  try {
    p.onAttempt?.(info);
  } catch {
    // An observer must never break a fetch.
  }
}
