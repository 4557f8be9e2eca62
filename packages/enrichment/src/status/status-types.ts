import type { ServiceName, SubjectType } from '../services/types.js';

/** Coverage and cache health of one service (what `cowrie enrich status --json` prints per service). */
export interface ServiceStatus {
  subjectType: SubjectType;
  /** Distinct subjects (source IPs, hashes, passwords) seen in the window. */
  seen: number;
  /** …with a fresh `enrichment` row for this service. */
  fresh: number;
  /** …whose row has expired (a refresh will renew it). */
  expired: number;
  /** …with no row at all. */
  missing: number;
  /** `fresh / seen` (null when nothing was seen): the diagnostic question of the migration plan. */
  freshShare: number | null;
  /** Rows of this service in the cache table: all, expired, failures cached as errors. */
  cache: { entries: number; expired: number; errors: number };
  /** Summed `enrichment_stats` of every recorded day (work is dated by when it ran, not by the window). */
  stats: { apiCalls: number; cacheHits: number; failures: number; notFound: number; hitRate: number | null };
}

/** `enrichmentStatus` result. */
export interface EnrichmentStatus {
  window: { since: string | null; until: string | null };
  services: Record<ServiceName, ServiceStatus>;
}
