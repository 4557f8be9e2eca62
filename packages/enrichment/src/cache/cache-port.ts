import type { ServiceName } from '../services/types.js';

/**
 * One cached answer of a service for one key. `value` is the RAW answer (what the API returned,
 * or what the predecessor's cache file holds), never our canonical result: normalisation is the
 * client's job, so a better normaliser improves old cache entries too.
 */
export interface CacheEntry {
  service: ServiceName;
  key: string;
  /** `error` entries mean "recently failed, do not retry yet"; they are never served as data. */
  status: 'found' | 'not_found' | 'error';
  value: unknown;
  /** ISO-8601 UTC, 6 fractional digits. */
  createdAt: string;
  expiresAt: string;
}

/** What an adapter can do, so callers choose the fast path without asking for its name. */
export interface CacheCapabilities {
  /** `getMany` answers in one round trip (not a loop over `get`). */
  batchGet: boolean;
  /** Entries survive the process. */
  persistent: boolean;
  /** Several processes (or machines) see each other's entries at once. */
  shared: boolean;
}

/**
 * The enrichment cache port. Every adapter (memory, disk, sql, hybrid) passes the one
 * conformance suite in `test/cache/conformance.test.ts`.
 */
export interface EnrichmentCache {
  /** `memory`, `disk`, `sql` or `hybrid`. */
  readonly name: string;
  readonly capabilities: CacheCapabilities;
  /** The entry, or `null` when absent or expired at `now`. */
  get(service: ServiceName, key: string, now?: Date): Promise<CacheEntry | null>;
  /** Entries present and fresh at `now`, by key (absent keys are simply missing from the map). */
  getMany(service: ServiceName, keys: readonly string[], now?: Date): Promise<Map<string, CacheEntry>>;
  /** Insert or replace the entry for (service, key). */
  set(entry: CacheEntry): Promise<void>;
  delete(service: ServiceName, key: string): Promise<void>;
  /** Remove entries expired at `now`; returns how many. */
  cleanup(now?: Date): Promise<number>;
  close(): Promise<void>;
}
