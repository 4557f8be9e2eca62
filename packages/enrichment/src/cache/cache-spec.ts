import { resolve } from 'node:path';
import { UsageError, type CowrieStore } from '@cowrieprocessor/core';
import type { EnrichmentCache } from './cache-port.js';
import { createDiskCache } from './disk/disk-cache.js';
import { createHybridCache } from './hybrid/hybrid-cache.js';
import { createMemoryCache } from './memory/memory-cache.js';
import { createSqlCache } from './sql/sql-cache.js';
import type { TtlPolicy } from './ttl-policy.js';

/** Options of {@link createCacheFromSpec}. */
export interface CacheSpecOptions {
  /** The store the `sql` tier lives in. */
  store: CowrieStore;
  /** Directory relative paths are resolved against (default `process.cwd()`). */
  cwd?: string;
  ttl?: TtlPolicy;
  /** Entries of the in-memory LRU put in front of a hybrid cache (default 10,000; 0 = none). */
  memoryEntries?: number;
  onTierError?: (tier: string, op: string, err: unknown) => void;
}

/**
 * The cache a `--cache` value names: `sql` (the default: the store's `enrichment_cache`),
 * `disk:<dir>` (a predecessor-layout directory), `hybrid:<dir>` (memory -> SQL -> that directory,
 * with promotion) or `memory` (this process only).
 *
 * @example
 * ```ts
 * const cache = createCacheFromSpec('hybrid:/mnt/dshield/data/cache', { store });
 * ```
 */
export function createCacheFromSpec(spec: string | undefined, opts: CacheSpecOptions): EnrichmentCache {
  const s = (spec ?? 'sql').trim();
  const [kind, ...rest] = s.split(':');
  const arg = rest.join(':');
  const dir = () => {
    if (!arg) throw new UsageError('BAD_CACHE', `--cache ${kind}: needs a directory, e.g. ${kind}:/mnt/dshield/data/cache`);
    return resolve(opts.cwd ?? process.cwd(), arg);
  };
  switch (kind) {
    case 'sql':
      return createSqlCache(opts.store);
    case 'memory':
      return createMemoryCache();
    case 'disk':
      return createDiskCache({ dir: dir(), ttl: opts.ttl });
    case 'hybrid': {
      const n = opts.memoryEntries ?? 10_000;
      return createHybridCache({
        sql: createSqlCache(opts.store), disk: createDiskCache({ dir: dir(), ttl: opts.ttl }),
        memory: n > 0 ? createMemoryCache({ maxEntries: n }) : undefined, onTierError: opts.onTierError,
      });
    }
    default:
      throw new UsageError('BAD_CACHE', `--cache "${s}": use sql, memory, disk:<dir> or hybrid:<dir>`);
  }
}
