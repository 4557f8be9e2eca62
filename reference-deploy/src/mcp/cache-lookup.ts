/**
 * @module `lookup_ip`'s second source: the enrichment cache (the store's SQL cache by default, or a
 * predecessor-layout disk directory), read offline through the enrichment package's enricher, so
 * that an IP the refresh job never wrote into `enrichment` still shows what the cache holds. No
 * API call is ever made from the MCP server.
 */
import type { CowrieStore } from '@cowrieprocessor/core';
import {
  createCacheFromSpec, createEnricher, createMemoryRateLimiter, createServiceClients, resolveEnrichmentConfig,
  type EnrichmentCache, type ServiceName,
} from '@cowrieprocessor/enrichment';
import type { CacheAnswer } from './mcp-backend.js';

/** The IP services asked. */
export const IP_SERVICES: readonly ServiceName[] = ['dshield', 'urlhaus', 'spur'];

/** Offline lookups of one IP in the cache. */
export interface IpCacheLookup {
  lookup(ip: string): Promise<Record<string, CacheAnswer>>;
  close(): Promise<void>;
}

/**
 * An offline IP lookup over the cache named by `spec` (`sql`, `disk:<dir>`, `hybrid:<dir>`).
 *
 * @example
 * ```ts
 * const cache = createIpCacheLookup(store, 'disk:/mnt/dshield/data/cache');
 * (await cache.lookup('192.0.2.10')).dshield?.status; // 'found'
 * ```
 */
export function createIpCacheLookup(store: CowrieStore, spec: string | undefined, env: Record<string, string | undefined>): IpCacheLookup {
  const cache: EnrichmentCache = createCacheFromSpec(spec, { store, memoryEntries: 0 });
  // Clients only normalise cached answers here (offline): credentials are not needed.
  const clients = createServiceClients(resolveEnrichmentConfig({ env, sensorsToml: null }), { limiter: createMemoryRateLimiter() });
  const enricher = createEnricher({ cache, clients, offline: true });
  return {
    async lookup(ip) {
      const out: Record<string, CacheAnswer> = {};
      for (const s of IP_SERVICES) {
        const r = await enricher.lookup(s, ip);
        out[s] = { status: r.status, value: r.value, fetchedAt: r.fetchedAt ?? null, reason: r.reason ?? null };
      }
      return out;
    },
    close: () => cache.close(),
  };
}
