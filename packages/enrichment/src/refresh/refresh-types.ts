import type { EnrichmentCache } from '../cache/cache-port.js';
import type { Enricher, ServiceCounters } from '../enricher/enricher-types.js';
import type { ServiceClient, ServiceName, SubjectType } from '../services/types.js';

/** Options of `refreshEnrichment`. */
export interface RefreshOptions {
  /** The cache + client orchestration; or give `cache` and `clients` and one is made. */
  enricher?: Enricher;
  cache?: EnrichmentCache;
  clients?: Partial<Record<ServiceName, ServiceClient>>;
  /** Services to run (default: every enabled client; offline: every client). */
  services?: readonly ServiceName[];
  /** At most this many subjects per service in this run. */
  limit?: number;
  /** Caches only: no API call. */
  offline?: boolean;
  /** Subjects per committed batch (default 2,000). */
  batchSize?: number;
  /** API calls in flight per service (default 4; the rate limiter paces them). */
  concurrency?: number;
  onProgress?: (p: RefreshProgress) => void;
  signal?: AbortSignal;
}

/** Progress of one service, after each committed batch. */
export interface RefreshProgress {
  service: ServiceName;
  subjectType: SubjectType;
  done: number;
  total: number;
  elapsedSeconds: number;
}

/** What one service did in a refresh. */
export interface ServiceRefreshResult extends ServiceCounters {
  subjectType: SubjectType;
  /** Subjects that lacked fresh enrichment (up to `limit`). */
  candidates: number;
  /** Canonical rows written (found + not found). */
  written: number;
  /** Set when the service did not run (no credentials, not enabled). */
  disabled?: string;
}

/** The result of `refreshEnrichment` (what `cowrie enrich refresh --json` prints). */
export interface RefreshResult {
  /** Distinct source IPs / file hashes / passwords that received at least one fresh row. */
  ips: number;
  files: number;
  passwords: number;
  apiCalls: number;
  cacheHits: number;
  failures: number;
  notFound: number;
  skipped: number;
  seconds: number;
  services: Partial<Record<ServiceName, ServiceRefreshResult>>;
}
