import { EnrichmentError, MalformedResponseError, RateLimitedError, ServiceUnavailableError, UnrecoverableError } from '../errors.js';
import type { ServiceName } from '../services/types.js';
import type { HttpResponse } from './http-request.js';
import { parseRetryAfter } from './retry-after.js';

/**
 * The error for a response status a client did not accept as an answer: 429 -> rate limited
 * (with Retry-After), 5xx -> unavailable (retried), 401/403 and other 4xx -> unrecoverable.
 *
 * @example
 * ```ts
 * if (res.status !== 200) throw statusError('spur', res);
 * ```
 */
export function statusError(service: ServiceName, res: HttpResponse): EnrichmentError {
  const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
  const detail = { status: res.status, body: res.body.slice(0, 200) };
  if (res.status === 429) return new RateLimitedError(service, retryAfterMs, `rate limited (HTTP 429)`, detail);
  if (res.status >= 500) return new ServiceUnavailableError(service, `HTTP ${res.status}`, { ...detail, retryAfterMs });
  if (res.status === 401 || res.status === 403) return new UnrecoverableError(service, `credentials refused (HTTP ${res.status})`, detail);
  return new UnrecoverableError(service, `unexpected HTTP ${res.status}`, detail);
}

/**
 * Parse a JSON body; a parse failure is a {@link MalformedResponseError} (not retried: the same
 * server tends to send the same broken body again, and nothing of it is cached).
 *
 * @example
 * ```ts
 * const body = parseJsonBody('virustotal', res.body);
 * ```
 */
export function parseJsonBody(service: ServiceName, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new MalformedResponseError(service, `response is not valid JSON: ${(err as Error).message}`, { body: text.slice(0, 200) }, { cause: err });
  }
}

/** A JSON object body (anything else is malformed for every JSON API we call). */
export function parseJsonObject(service: ServiceName, text: string): Record<string, unknown> {
  const v = parseJsonBody(service, text);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new MalformedResponseError(service, 'response is JSON but not an object', { body: text.slice(0, 200) });
  }
  return v as Record<string, unknown>;
}
