import type { ServiceName } from '../services/types.js';

/**
 * The outcome of one lookup. `value` is the client's canonical result for the subject (never the
 * raw answer); `error` means the API failed now or recently (a cached failure) and carries no data;
 * `skipped` means nothing was asked (offline with no cache entry, service disabled, quota used up).
 */
export interface LookupResult<T = unknown> {
  status: 'found' | 'not_found' | 'error' | 'skipped';
  value: T | null;
  /** Where the answer came from. */
  source: 'cache' | 'api' | 'none';
  /** When the raw answer was fetched and until when it is fresh (ISO); absent for errors and skips. */
  fetchedAt?: string;
  expiresAt?: string;
  /** Why there is no data (`error`, `skipped`). */
  reason?: string;
}

/** Work done for one service (keys: a HIBP prefix serves many passwords). */
export interface ServiceCounters {
  /** Keys sent to the API (each retried request counts once). */
  apiCalls: number;
  /** Keys answered by the cache. */
  cacheHits: number;
  /** Keys whose API call failed now, or whose answer could not be normalised. */
  failures: number;
  /** Keys the service does not know (VirusTotal 404, URLhaus `no_results` …). */
  notFound: number;
  /** Keys not asked: offline without a cache entry, a failure cached minutes ago, disabled, quota used up. */
  skipped: number;
}

/** Options of one batch of lookups. */
export interface LookupManyOptions {
  /** API calls in flight for this service (the client's rate limiter paces them; default 4). */
  concurrency?: number;
  signal?: AbortSignal;
  now?: Date;
}

/**
 * Cache + client orchestration for every service: see {@link createEnricher}.
 */
export interface Enricher {
  /** One subject (IP, sha256, password): cached raw answer or an API call, normalised. */
  lookup<T = unknown>(service: ServiceName, subject: string, opts?: LookupManyOptions): Promise<LookupResult<T>>;
  /** Many subjects of one service: one batch cache read, then API calls for the misses. */
  lookupMany<T = unknown>(service: ServiceName, subjects: readonly string[], opts?: LookupManyOptions): Promise<Map<string, LookupResult<T>>>;
  /** Counters since creation, per service. */
  readonly counters: Record<ServiceName, ServiceCounters>;
  /** Whether the service can be asked (a client exists and is enabled, or offline: a client exists). */
  available(service: ServiceName): boolean;
}

/**
 * Fresh, zeroed counters.
 *
 * @example
 * ```ts
 * const c = emptyCounters(); // { apiCalls: 0, cacheHits: 0, failures: 0, notFound: 0, skipped: 0 }
 * ```
 */
export function emptyCounters(): ServiceCounters {
  return { apiCalls: 0, cacheHits: 0, failures: 0, notFound: 0, skipped: 0 };
}
