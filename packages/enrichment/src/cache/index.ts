export type { CacheEntry, CacheCapabilities, EnrichmentCache } from './cache-port.js';
export { DEFAULT_TTL_POLICY, ttlMs, isoMicros, makeEntry, isFresh, type TtlPolicy } from './ttl-policy.js';
export { createMemoryCache, type MemoryCacheOptions } from './memory/memory-cache.js';
export { createDiskCache, type DiskCache, type DiskCacheOptions, type DiskCacheStats } from './disk/disk-cache.js';
export { shardedPath, legacyPath, flatLegacyNames } from './disk/disk-layout.js';
export { createSqlCache, type SqlCache, type SqlCacheOptions } from './sql/sql-cache.js';
export { createHybridCache, type HybridCache, type HybridCacheOptions, type HybridCacheStats } from './hybrid/hybrid-cache.js';
export { createCacheFromSpec, type CacheSpecOptions } from './cache-spec.js';
export { keyClaimsOf, type KeyClaims } from './key-claims.js';
