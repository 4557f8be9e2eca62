import { CowrieError } from '@cowrieprocessor/core';
import type { ServiceName } from './services/types.js';

/**
 * Base of every enrichment failure. `details.service` names the service; `retryable` tells the
 * enricher whether a later attempt may succeed (it caches the failure briefly either way).
 *
 * @example
 * ```ts
 * try { await client.fetch(ip); } catch (e) {
 *   if (e instanceof EnrichmentError) console.error(e.details.service, e.code, e.message);
 * }
 * ```
 */
export class EnrichmentError extends CowrieError {
  /** Whether the same request may succeed later (rate limits, outages), as opposed to a bad key or body. */
  readonly retryable: boolean;
  constructor(code: string, service: ServiceName, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown; retryable?: boolean }) {
    super(code, `${service}: ${message}`, { service, ...details }, options);
    this.retryable = options?.retryable ?? false;
  }
  /** The service that failed. */
  get service(): ServiceName {
    return this.details.service as ServiceName;
  }
}

/** HTTP 429 (or an over-quota answer): `retryAfterMs` is how long the service asked us to wait. */
export class RateLimitedError extends EnrichmentError {
  constructor(service: ServiceName, readonly retryAfterMs: number | null, message = 'rate limited (HTTP 429)', details: Record<string, unknown> = {}) {
    super('ENRICHMENT_RATE_LIMITED', service, message, { retryAfterMs, ...details }, { retryable: true });
  }
}

/** Our own daily quota for the service (e.g. VirusTotal's 500/day) is used up until the next UTC day. */
export class QuotaExhaustedError extends EnrichmentError {
  constructor(service: ServiceName, readonly daily: number, readonly resetsAt: string) {
    super('ENRICHMENT_QUOTA_EXHAUSTED', service, `daily quota of ${daily} requests used up; resets at ${resetsAt}`, { daily, resetsAt });
  }
}

/** The service's circuit breaker is open after repeated failures; no request was sent. */
export class CircuitOpenError extends EnrichmentError {
  constructor(service: ServiceName, readonly retryAtMs: number) {
    super('ENRICHMENT_CIRCUIT_OPEN', service, `circuit open after repeated failures; next try at ${new Date(retryAtMs).toISOString()}`, { retryAt: new Date(retryAtMs).toISOString() }, { retryable: true });
  }
}

/** A 5xx, a timeout or a connection failure: the service may answer later. */
export class ServiceUnavailableError extends EnrichmentError {
  constructor(service: ServiceName, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super('ENRICHMENT_UNAVAILABLE', service, message, details, { ...options, retryable: true });
  }
}

/** The body was not what the API documents (bad JSON, too large, wrong shape); never cached as data, not retried. */
export class MalformedResponseError extends EnrichmentError {
  constructor(service: ServiceName, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super('ENRICHMENT_MALFORMED_RESPONSE', service, message, details, options);
  }
}

/** A failure retrying cannot fix: bad or missing credentials (401/403), a 4xx for our request. */
export class UnrecoverableError extends EnrichmentError {
  constructor(service: ServiceName, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super('ENRICHMENT_UNRECOVERABLE', service, message, details, options);
  }
}
