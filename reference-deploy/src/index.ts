/**
 * `@cowrieprocessor/reference-deploy`: the reference services (statistics API, coordinator, worker,
 * loader) and their deployment files.
 * @packageDocumentation
 */
export * from './api/index.js';
export { parseApiKeys, findApiKey, bearerToken, type ApiKey, type ApiScope } from './shared/api-keys.js';
export { ApiError, toApiError, errorBody, type ApiErrorBody } from './shared/api-errors.js';
// --- jobs: coordinator, worker, loader ---
export { startCoordinator, type RunningCoordinator } from './coordinator/start-coordinator.js';
export { resolveCoordinatorConfig, type CoordinatorConfig, type CoordinatorFlags } from './coordinator/coordinator-config.js';
export { createCoordinatorApp, MAX_BODY_BYTES, type CoordinatorAppDeps } from './coordinator/coordinator-app.js';
export { startWorker, parsePreferences, type WorkerConfig, type WorkerService } from './worker/start-worker.js';
export { startLoader, type LoaderConfig, type RunningLoader } from './loader/start-loader.js';
export { createSseTokens, type SseTokens } from './shared/keys-sse-token.js';
export { listen, type Serving } from './shared/http-serve.js';
// --- end jobs ---
// --- mcp: the MCP server (`cowrie mcp`) ---
export * from './mcp/index.js';
// --- end mcp ---
// --- types the exported services refer to (documented with them)
export type { AnswerCache, CacheOutcome } from './api/answer-cache.js';
export type { CursorCodec, CursorPosition } from './api/cursor.js';
export type { DbGate } from './api/db-gate.js';
export type { RateLimiter as ApiRateLimiter, RateVerdict } from './api/rate-limiter.js';
export type { ApiMetrics } from './api/api-metrics.js';
export type { ApiEnv, HandlerInput } from './api/context.js';
export type { JobEventHub } from './coordinator/job-event-hub.js';
export type { CoordinatorMetrics } from './coordinator/coordinator-metrics.js';
export type { CoordinatorEnv } from './coordinator/coordinator-env.js';
export type { ApiLogger } from './shared/api-logger.js';
export { readWorkerConfigFile, type WorkerFileSettings } from './worker/worker-config-file.js';
