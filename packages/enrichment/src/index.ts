// --- service clients, HTTP, rate limits, config (enrichment "clients") ---
export * from './services/types.js';
export * from './errors.js';
export { mergeIpReputation, type IpReputationParts } from './services/merge-ip-reputation.js';
export { defineClient, type ServiceDefinition, type ClientDeps, type ServiceClientHandle } from './services/define-client.js';
export { dshieldDefinition } from './services/dshield/dshield-client.js';
export { normalizeDshield } from './services/dshield/dshield-normalize.js';
export { virusTotalDefinition } from './services/virustotal/vt-client.js';
export { normalizeVirusTotal, unwrapVtPy } from './services/virustotal/vt-normalize.js';
export { urlhausDefinition } from './services/urlhaus/urlhaus-client.js';
export { normalizeUrlhaus } from './services/urlhaus/urlhaus-normalize.js';
export { spurDefinition } from './services/spur/spur-client.js';
export { normalizeSpur } from './services/spur/spur-normalize.js';
export { hibpDefinition } from './services/hibp/hibp-client.js';
export { passwordSha1, parseRangeBody, readRangeMap, toRangeResult } from './services/hibp/hibp-range.js';
export { ipKey } from './services/ip-key.js';
export { httpRequest, redactUrl, DEFAULT_MAX_BYTES, type HttpRequestSpec, type HttpResponse, type HttpOptions } from './http/http-request.js';
export { fetchWithRetry, type RequestPipeline } from './http/fetch-with-retry.js';
export { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './http/backoff.js';
export { parseRetryAfter } from './http/retry-after.js';
export { CircuitBreaker, DEFAULT_BREAKER_OPTIONS, type CircuitBreakerOptions, type CircuitState } from './http/circuit-breaker.js';
export { SingleFlight } from './http/single-flight.js';
export { statusError, parseJsonBody, parseJsonObject } from './http/status-errors.js';
export { sleep } from './http/sleep.js';
export type { RateLimit, RateLimiter, GrantObserver } from './rate-limit/rate-limiter.js';
export { parseRate, formatRate } from './rate-limit/parse-rate.js';
export { reserve, utcDay, nextUtcMidnight, BUCKET_CAPACITY, type BucketState, type Reservation } from './rate-limit/token-bucket.js';
export { createMemoryRateLimiter } from './rate-limit/memory-rate-limiter.js';
export { createSqlRateLimiter } from './rate-limit/sql-rate-limiter.js';
export { createRedisRateLimiter, type RedisRateLimiterOptions } from './rate-limit/redis-rate-limiter.js';
export { resolveEnrichmentConfig, type EnrichmentFlags, type ResolveConfigOptions } from './config/resolve-config.js';
export { createServiceClients, type ServiceClients } from './config/create-service-clients.js';
export { DEFAULT_BASE_URLS, DEFAULT_RATES, DEFAULT_TIMEOUT_MS, ENV_NAMES, type ServiceConfig, type EnrichmentConfig } from './config/service-config.js';
export { readSensorsToml, type TomlCredentials } from './config/sensors-toml.js';
export { resolveSecret, type SecretResult } from './config/secret-ref.js';
// --- end clients ---
// --- caches, enricher, refresh, status, query exposure, cache migration (enrichment "caches") ---
export * from './cache/index.js';
export * from './enricher/index.js';
export * from './refresh/index.js';
export * from './status/index.js';
export * from './query/index.js';
export * from './cache-migrate/index.js';
// --- end caches ---
