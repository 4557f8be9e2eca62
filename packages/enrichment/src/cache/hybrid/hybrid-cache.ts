import type { ServiceName } from '../../services/types.js';
import type { CacheEntry, EnrichmentCache } from '../cache-port.js';
import { keyClaimsOf, type KeyClaims } from '../key-claims.js';

/** Options of {@link createHybridCache}. */
export interface HybridCacheOptions {
  /** The shared tier, asked first (normally {@link createSqlCache}). */
  sql: EnrichmentCache;
  /** The fallback tier (normally a predecessor cache directory): hits are promoted into `sql`. */
  disk: EnrichmentCache;
  /** Optional in-process LRU in front of both. */
  memory?: EnrichmentCache;
  /** Told about every tier failure (the lookup goes on without that tier). */
  onTierError?: (tier: string, op: string, err: unknown) => void;
}

/** Per-tier counters of a hybrid cache. */
export interface HybridCacheStats {
  hits: Record<'memory' | 'sql' | 'disk', number>;
  misses: number;
  promotions: number;
  /** Failed operations per tier (each one skipped, never failing the lookup). */
  errors: Record<'memory' | 'sql' | 'disk', number>;
}

/** The hybrid adapter, with its counters. */
export interface HybridCache extends EnrichmentCache, KeyClaims {
  readonly stats: HybridCacheStats;
}

type Tier = 'memory' | 'sql' | 'disk';

/**
 * Memory (optional) -> SQL -> disk, as the predecessor's `HybridEnrichmentCache` (without Redis):
 * a disk hit is promoted into SQL (and memory), an SQL hit into memory; `set` writes through to
 * every tier. Every tier may fail without failing the lookup: the failure is counted, reported to
 * `onTierError`, and the next tier answers (a cache that throws costs an API call, not a run).
 *
 * @example
 * ```ts
 * const cache = createHybridCache({ sql: createSqlCache(store), disk: createDiskCache({ dir }), memory: createMemoryCache() });
 * const e = await cache.get('dshield', '192.0.2.10');
 * ```
 */
export function createHybridCache(opts: HybridCacheOptions): HybridCache {
  const tiers: Array<[Tier, EnrichmentCache]> = [];
  if (opts.memory) tiers.push(['memory', opts.memory]);
  tiers.push(['sql', opts.sql], ['disk', opts.disk]);
  const stats: HybridCacheStats = { hits: { memory: 0, sql: 0, disk: 0 }, misses: 0, promotions: 0, errors: { memory: 0, sql: 0, disk: 0 } };

  const guard = async <T>(tier: Tier, op: string, fn: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      stats.errors[tier]++;
      opts.onTierError?.(tier, op, err);
      return fallback;
    }
  };
  /** Copy entries found in tier `i` into the faster tiers before it. */
  const promote = async (i: number, entries: CacheEntry[]) => {
    if (entries.length === 0) return;
    for (const [tier, c] of tiers.slice(0, i)) {
      const many = (c as { setMany?: (e: readonly CacheEntry[]) => Promise<void> }).setMany;
      await guard(tier, 'promote', async () => {
        if (many) await many.call(c, entries);
        else for (const e of entries) await c.set(e);
      }, undefined);
      if (tier !== 'memory') stats.promotions += entries.length;
    }
  };

  const getMany = async (service: ServiceName, keys: readonly string[], now?: Date): Promise<Map<string, CacheEntry>> => {
    const out = new Map<string, CacheEntry>();
    let missing = [...new Set(keys)];
    for (let i = 0; i < tiers.length && missing.length > 0; i++) {
      const [tier, c] = tiers[i]!;
      const found = await guard(tier, 'get', () => (missing.length === 1
        ? c.get(service, missing[0]!, now).then((e) => new Map(e ? [[e.key, e]] : []))
        : c.getMany(service, missing, now)), new Map<string, CacheEntry>());
      if (found.size === 0) continue;
      stats.hits[tier] += found.size;
      for (const [k, e] of found) out.set(k, e);
      missing = missing.filter((k) => !found.has(k));
      await promote(i, [...found.values()]);
    }
    stats.misses += missing.length;
    return out;
  };

  return {
    name: 'hybrid',
    capabilities: { batchGet: opts.sql.capabilities.batchGet, persistent: true, shared: opts.sql.capabilities.shared },
    stats,
    async get(service, key, now) {
      return (await getMany(service, [key], now)).get(key) ?? null;
    },
    getMany,
    async set(entry) {
      for (const [tier, c] of tiers) await guard(tier, 'set', () => c.set(entry), undefined);
    },
    // Leases live in the shared tier; without one (or when it fails) every key counts as won.
    async claim(service, keys, leaseMs, now) {
      const claims = keyClaimsOf(opts.sql);
      return claims ? guard('sql', 'claim', () => claims.claim(service, keys, leaseMs, now), new Set(keys)) : new Set(keys);
    },
    async release(service, keys) {
      const claims = keyClaimsOf(opts.sql);
      if (claims) await guard('sql', 'release', () => claims.release(service, keys), undefined);
    },
    async delete(service, key) {
      for (const [tier, c] of tiers) await guard(tier, 'delete', () => c.delete(service, key), undefined);
    },
    async cleanup(now) {
      let n = 0;
      for (const [tier, c] of tiers) n += await guard(tier, 'cleanup', () => c.cleanup(now), 0);
      return n;
    },
    async close() {
      for (const [tier, c] of tiers) await guard(tier, 'close', () => c.close(), undefined);
    },
  };
}
