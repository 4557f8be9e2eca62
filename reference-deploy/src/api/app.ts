/**
 * @module The Hono app: middleware (request id and log, metrics, 64 KiB body limit, optional
 * CORS, keys and rate limit), the read routes from their specs, operations endpoints and the
 * jobs proxy. Every error leaves as `{ error: { code, message, details } }`.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { CURRENT_SCHEMA_VERSION, readSchemaVersion } from '@cowrieprocessor/core';
import { ApiError, errorBody, toApiError } from '../shared/api-errors.js';
import type { ApiContext, ApiEnv, ReadRoute } from './context.js';
import { envelope } from './envelope.js';
import { requireScope } from './middleware/auth.js';
import { requestLog } from './middleware/request-log.js';
import { buildOpenApi } from './openapi.js';
import { parseQuery, refuseNul, zodToApiError } from './params.js';
import { mountJobsProxy } from './routes/jobs-proxy.js';
import { READ_ROUTES } from './routes/index.js';
import { mountUiStatic } from './ui-static.js';

/** Largest request body (conventions: 413 above 64 KiB). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Build the app over a shared context.
 *
 * @example
 * ```ts
 * const app = createApiApp(ctx);
 * const res = await app.request('/api/v1/summary', { headers: { authorization: `Bearer ${key}` } });
 * ```
 */
export function createApiApp(ctx: ApiContext, routes: readonly ReadRoute[] = READ_ROUTES, version = '0.1.0'): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.use('*', requestLog(ctx));
  app.use('*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw new ApiError(413, 'BODY_TOO_LARGE', `request bodies are limited to ${MAX_BODY_BYTES} bytes`); } }));
  if (ctx.config.corsOrigin) app.use('/api/*', cors({ origin: ctx.config.corsOrigin, allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'], exposeHeaders: ['X-Request-Id', 'X-Cache'] }));
  app.onError((err, c) => {
    const e = toApiError(err);
    if (e.status >= 500) ctx.log.error('request failed', { requestId: c.get('requestId'), error: (err as Error).message, stack: (err as Error).stack });
    return c.json(errorBody(e), e.status as 400);
  });
  app.notFound((c) => c.json(errorBody(new ApiError(404, 'NOT_FOUND', 'no such endpoint; see /openapi.json')), 404));

  const doc = buildOpenApi(routes, version);
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', (c) => readiness(ctx, c));
  app.get('/metrics', async (c) => c.text(await ctx.metrics.registry.metrics(), 200, { 'Content-Type': ctx.metrics.registry.contentType }));
  app.get('/openapi.json', (c) => c.json(doc));
  mountJobsProxy(app, ctx);
  mountUiStatic(app);
  for (const r of routes) app.get(r.path, requireScope(ctx, r.scope), (c) => serveRead(ctx, r, c));
  return app;
}

async function serveRead(ctx: ApiContext, r: ReadRoute, c: Context<ApiEnv>): Promise<Response> {
  const q = parseQuery(r.query, new URL(c.req.url).searchParams);
  let params: unknown = {};
  if (r.params) {
    for (const [k, v] of Object.entries(c.req.param() as Record<string, string>)) refuseNul(k, v);
    const p = r.params.safeParse(c.req.param());
    if (!p.success) throw zodToApiError(p.error);
    params = p.data;
  }
  const run = () => ctx.gate.run(() => r.handler({ q, params, ctx, route: r.path }));
  const key = `${r.path}\u0000${JSON.stringify(q)}\u0000${JSON.stringify(params)}`;
  const { value, outcome, at } = r.cached ? await ctx.cache.get(key, run) : { value: await run(), outcome: 'off' as const, at: ctx.now() };
  if (r.cached) ctx.metrics.cache(r.path, outcome);
  c.header('X-Cache', outcome);
  const { data, ...meta } = value;
  return c.json(envelope(data, { ...meta, query: { ...(q as object), ...(params as object) }, generatedAt: new Date(at).toISOString() }));
}

async function readiness(ctx: ApiContext, c: Context<ApiEnv>): Promise<Response> {
  try {
    const version = await Promise.race([
      readSchemaVersion(ctx.store.db, ctx.store.dialect),
      new Promise<never>((_, rej) => setTimeout(() => rej(new Error('database did not answer within 2 s')), 2000).unref()),
    ]);
    if (version < CURRENT_SCHEMA_VERSION) return c.json({ status: 'unavailable', error: `database schema ${version} is older than ${CURRENT_SCHEMA_VERSION}: run "cowrie db migrate"` }, 503);
    const note = version > CURRENT_SCHEMA_VERSION ? `database schema ${version} is newer than ${CURRENT_SCHEMA_VERSION}; served read-only (it only added tables or columns)` : null;
    return c.json({ status: 'ready', schemaVersion: version, servedSchemaVersion: CURRENT_SCHEMA_VERSION, note, database: ctx.store.description });
  } catch (err) {
    return c.json({ status: 'unavailable', error: (err as Error).message }, 503);
  }
}
