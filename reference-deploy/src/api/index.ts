/**
 * @module The statistics API (`cowrie serve api`): config, server, app and the pieces tests and
 * the MCP server reuse.
 */
export { resolveApiConfig, parseRate, API_ENV, MAX_STALE_MS, type ApiConfig, type ApiFlags } from './config.js';
export { startApiServer, createApiContext, type RunningApi } from './server.js';
export { createApiApp, MAX_BODY_BYTES } from './app.js';
export { openReadStore } from './open-read-store.js';
export { API_METRIC_NAMES } from './api-metrics.js';
export { buildOpenApi, toOpenApiPath } from './openapi.js';
export { READ_ROUTES } from './routes/index.js';
export type { ApiContext, ReadRoute, HandlerResult } from './context.js';
export type { ApiEnvelope, ApiMeta } from './envelope.js';
