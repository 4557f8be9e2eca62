import type { ServiceName } from '../services/types.js';

/** A rate: `perInterval` requests per `intervalMs`, plus an optional quota per UTC day. */
export interface RateLimit { perInterval: number; intervalMs: number; daily?: number }

/**
 * The rate-limiter port. Adapters: memory (one process), SQL (every process sharing the
 * database) and Redis (every process sharing the Redis key prefix); one conformance suite runs
 * over all three.
 */
export interface RateLimiter {
  readonly name: string; // 'memory' | 'sql' | 'redis'
  /** Waits until a token for `service` is available (shared across processes for sql/redis). Throws QuotaExhaustedError when the daily quota is used up. */
  acquire(service: ServiceName, limit: RateLimit, opts?: { signal?: AbortSignal }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Observer of granted slots: `slotMs` is the instant (epoch ms) the reservation entitles the
 * caller to send — exact, unlike the moment a timer fires afterwards. For metrics and for tests
 * that check the schedule itself.
 */
export type GrantObserver = (service: ServiceName, slotMs: number) => void;
