import type { ServiceName } from '../services/types.js';
import type { EnrichmentCache } from './cache-port.js';

/**
 * An extension a shared cache may offer beyond the port: a short lease on a key, so that of
 * several processes missing the same key only one calls the API and the others wait for its
 * answer in the cache (single flight across processes; within one process the client's own
 * single flight already holds).
 */
export interface KeyClaims {
  /** Claim the keys nobody holds (absent, expired, or an expired lease); returns the ones won. */
  claim(service: ServiceName, keys: readonly string[], leaseMs: number, now?: Date): Promise<Set<string>>;
  /** Give up leases without an answer (nothing was asked: quota used up, aborted). */
  release(service: ServiceName, keys: readonly string[]): Promise<void>;
}

/**
 * The cache's claims, when it offers them (SQL, and hybrid through its SQL tier).
 *
 * @example
 * ```ts
 * const claims = keyClaimsOf(cache);
 * if (claims && !(await claims.claim('dshield', [ip], 60_000)).has(ip)) { ... wait for the other process ... }
 * ```
 */
export function keyClaimsOf(cache: EnrichmentCache): KeyClaims | null {
  const c = cache as Partial<KeyClaims>;
  return typeof c.claim === 'function' && typeof c.release === 'function' ? (c as KeyClaims) : null;
}
