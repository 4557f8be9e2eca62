import type { ServiceName } from '../../services/types.js';
import type { CacheEntry, EnrichmentCache } from '../cache-port.js';
import { isFresh } from '../ttl-policy.js';

/** Options of {@link createMemoryCache}. */
export interface MemoryCacheOptions {
  /** Entries kept; the least recently used one goes first when full (default 10,000). */
  maxEntries?: number;
}

/**
 * An in-process LRU cache: the fastest tier, in front of SQL in the hybrid cache. A `Map`
 * keeps insertion order, so re-inserting on every hit makes its first key the least recently used.
 *
 * @example
 * ```ts
 * const cache = createMemoryCache({ maxEntries: 5000 });
 * await cache.set(makeEntry('dshield', '203.0.113.5', 'found', body));
 * (await cache.get('dshield', '203.0.113.5'))?.value; // body
 * ```
 */
export function createMemoryCache(opts: MemoryCacheOptions = {}): EnrichmentCache {
  const max = Math.max(1, opts.maxEntries ?? 10_000);
  const entries = new Map<string, CacheEntry>();
  const id = (service: ServiceName, key: string) => `${service}\u0000${key}`;

  const get = (service: ServiceName, key: string, now = new Date()): CacheEntry | null => {
    const k = id(service, key);
    const e = entries.get(k);
    if (!e) return null;
    entries.delete(k);
    if (!isFresh(e, now)) return null;
    entries.set(k, e);
    return structuredClone(e);
  };

  return {
    name: 'memory',
    capabilities: { batchGet: true, persistent: false, shared: false },
    async get(service, key, now) {
      return get(service, key, now);
    },
    async getMany(service, keys, now = new Date()) {
      const out = new Map<string, CacheEntry>();
      for (const key of keys) {
        const e = get(service, key, now);
        if (e) out.set(key, e);
      }
      return out;
    },
    async set(entry) {
      const k = id(entry.service, entry.key);
      entries.delete(k);
      entries.set(k, structuredClone(entry));
      while (entries.size > max) entries.delete(entries.keys().next().value as string);
    },
    async delete(service, key) {
      entries.delete(id(service, key));
    },
    async cleanup(now = new Date()) {
      let n = 0;
      for (const [k, e] of entries) {
        if (!isFresh(e, now)) {
          entries.delete(k);
          n++;
        }
      }
      return n;
    },
    async close() {
      entries.clear();
    },
  };
}
