import type { ColumnType } from 'kysely';
import type { Int8, Json } from './schema.js';

/** Kysely table types added by schema step 2 (enrichment). */
export interface EnrichmentTables {
  enrichment_cache: EnrichmentCacheTable;
  enrichment: EnrichmentTable;
  enrichment_stats: EnrichmentStatsTable;
  rate_limit_buckets: RateLimitBucketsTable;
}

/** A service's raw answer for one key (the SQL tier of the enrichment cache). */
export interface EnrichmentCacheTable {
  service: string;
  cache_key: string;
  /** `found`, `not_found` or `error` (errors are cached briefly and never served as data). */
  status: string;
  /** Raw response JSON text (for errors: a JSON object with the message). */
  value: string | null;
  created_at: string;
  expires_at: string;
  accessed_at: string | null;
  hit_count: ColumnType<number | string, number | undefined, number>;
}

/** Our canonical result for one subject and service, joined where read. */
export interface EnrichmentTable {
  /** `ip`, `file` or `password`. */
  subject_type: string;
  /** The IP, the file's SHA-256, or a password's SHA-1 (never the password itself). */
  subject: string;
  service: string;
  status: string;
  value: Json | null;
  fetched_at: string;
  expires_at: string;
}

/** Per-day, per-service counters of enrichment work. */
export interface EnrichmentStatsTable {
  day: string;
  service: string;
  api_calls: ColumnType<number | string, number | undefined, number>;
  cache_hits: ColumnType<number | string, number | undefined, number>;
  failures: ColumnType<number | string, number | undefined, number>;
  not_found: ColumnType<number | string, number | undefined, number>;
}

/** A token bucket shared by every process using this database. */
export interface RateLimitBucketsTable {
  service: string;
  tokens: number;
  updated_ms: Int8;
  /** UTC day the daily count belongs to. */
  day: string;
  day_count: number;
}
