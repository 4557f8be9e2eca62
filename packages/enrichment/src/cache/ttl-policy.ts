import type { ServiceName } from '../services/types.js';
import type { CacheEntry } from './cache-port.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Time-to-live in milliseconds per service and status. */
export interface TtlPolicy {
  /** TTL of a `found` answer per service. */
  found: Record<ServiceName, number>;
  /** TTL of a `not_found` answer per service (VirusTotal's "unknown file" is short: it may be submitted soon). */
  notFound: Record<ServiceName, number>;
  /** TTL of a failure, for every service: long enough not to hammer a failing API, short enough to retry soon. */
  error: number;
}

/**
 * The defaults of the conventions ("Enrichment endpoints"): VirusTotal 30 d (unknown files 12 h),
 * DShield 7 d, URLHaus 3 d, SPUR 14 d, HIBP 60 d; errors 10 min. These equal the predecessor's
 * disk TTLs, so a file it wrote expires for us when it expired for it.
 */
export const DEFAULT_TTL_POLICY: TtlPolicy = {
  found: { virustotal: 30 * DAY, dshield: 7 * DAY, urlhaus: 3 * DAY, spur: 14 * DAY, hibp: 60 * DAY },
  notFound: { virustotal: 12 * HOUR, dshield: 7 * DAY, urlhaus: 3 * DAY, spur: 14 * DAY, hibp: 60 * DAY },
  error: 10 * 60_000,
};

/**
 * TTL in milliseconds of an answer with this service and status.
 *
 * @example
 * ```ts
 * ttlMs('virustotal', 'not_found'); // 43_200_000 (12 h)
 * ttlMs('dshield', 'error');        // 600_000 (10 min)
 * ```
 */
export function ttlMs(service: ServiceName, status: CacheEntry['status'], policy: TtlPolicy = DEFAULT_TTL_POLICY): number {
  if (status === 'error') return policy.error;
  return status === 'found' ? policy.found[service] : policy.notFound[service];
}

/**
 * Our canonical timestamp form, `YYYY-MM-DDTHH:MM:SS.ffffffZ` (microseconds as 000), which sorts
 * and compares as text on both dialects.
 *
 * @example
 * ```ts
 * isoMicros(new Date(0)); // '1970-01-01T00:00:00.000000Z'
 * ```
 */
export function isoMicros(d: Date | number): string {
  return new Date(d).toISOString().replace('Z', '000Z');
}

/**
 * A cache entry stamped now with the policy's TTL for its service and status.
 *
 * @example
 * ```ts
 * await cache.set(makeEntry('dshield', '203.0.113.5', 'found', body));
 * ```
 */
export function makeEntry(service: ServiceName, key: string, status: CacheEntry['status'], value: unknown, now: Date = new Date(), policy: TtlPolicy = DEFAULT_TTL_POLICY): CacheEntry {
  return { service, key, status, value, createdAt: isoMicros(now), expiresAt: isoMicros(now.getTime() + ttlMs(service, status, policy)) };
}

/**
 * Whether an entry is still fresh at `now` (expiry is exclusive).
 *
 * @example
 * ```ts
 * isFresh(entry, new Date()); // true until entry.expiresAt
 * ```
 */
export function isFresh(entry: Pick<CacheEntry, 'expiresAt'>, now: Date = new Date()): boolean {
  return entry.expiresAt > isoMicros(now);
}
