/**
 * @module The coordinator's HTTP app (Hono): health, readiness and metrics without a key; job
 * routes with a `jobs` key; 64 KiB body limit (413); every error as
 * `{ error: { code, message, details } }` with a 4xx for caller mistakes.
 */
import { randomUUID } from 'node:crypto';
import { JobNotFoundError, type QueueEngine } from '@cowrieprocessor/queue';
import { Hono } from 'hono';
import { ApiError, errorBody, toApiError } from '../shared/api-errors.js';
import type { ApiKey } from '../shared/api-keys.js';
import type { ApiLogger } from '../shared/api-logger.js';
import type { SseTokens } from '../shared/keys-sse-token.js';
import { limitBody } from './body-limit.js';
import { requireJobsKey } from './coordinator-auth.js';
import type { CoordinatorEnv } from './coordinator-env.js';
import type { CoordinatorMetrics } from './coordinator-metrics.js';
import { mountJobEvents } from './job-events-route.js';
import type { JobEventHub } from './job-event-hub.js';
import { mountJobRoutes } from './job-routes.js';

/** What the app is built from. */
export interface CoordinatorAppDeps {
  engine: QueueEngine;
  hub: JobEventHub;
  metrics: CoordinatorMetrics;
  log: ApiLogger;
  keys: readonly ApiKey[];
  noAuth: boolean;
  tokens: SseTokens;
}

/** Maximum request body (conventions: larger bodies get 413). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Build the app.
 *
 * @example
 * ```ts
 * const app = createCoordinatorApp(deps);
 * const res = await app.request('/healthz');
 * ```
 */
export function createCoordinatorApp(d: CoordinatorAppDeps): Hono<CoordinatorEnv> {
  const app = new Hono<CoordinatorEnv>();
  app.use('*', async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    const t0 = performance.now();
    await next();
    const route = c.req.routePath ?? 'unmatched';
    d.metrics.request(route, c.res.status);
    d.log.debug('request', { requestId, method: c.req.method, route, status: c.res.status, ms: Math.round((performance.now() - t0) * 10) / 10 });
  });
  app.use('*', limitBody(MAX_BODY_BYTES, (c) => c.json(errorBody(new ApiError(413, 'BODY_TOO_LARGE', `request bodies are limited to ${MAX_BODY_BYTES} bytes`)), 413)));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await d.engine.ping();
      return c.json({ status: 'ready', queue: d.engine.kind });
    } catch (err) {
      return c.json({ status: 'not_ready', queue: d.engine.kind, error: (err as Error).message }, 503);
    }
  });
  app.get('/metrics', async (c) => c.text(await d.metrics.registry.metrics(), 200, { 'Content-Type': d.metrics.registry.contentType }));

  app.use('/api/v1/*', requireJobsKey(d.keys, d.noAuth, d.tokens));
  app.post('/api/v1/auth/sse-token', (c) => c.json(d.tokens.issue(c.get('keyId'))));
  mountJobRoutes(app, d);
  mountJobEvents(app, d.engine, d.hub);

  app.notFound((c) => c.json(errorBody(new ApiError(404, 'NOT_FOUND', `no route ${c.req.method} ${new URL(c.req.url).pathname}`)), 404));
  app.onError((err, c) => {
    const e = err instanceof JobNotFoundError ? new ApiError(404, err.code, err.message, err.details) : toApiError(err);
    if (e.status >= 500) d.log.error('request failed', { requestId: c.get('requestId'), error: (err as Error).message, stack: (err as Error).stack });
    return c.json(errorBody(e), e.status as 400);
  });
  return app;
}
