/**
 * @module Request id, access log and request metrics. The id is the caller's `X-Request-Id` when
 * it is a short token, else a new UUID; it is echoed in the response and in every log line.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { ApiContext, ApiEnv } from '../context.js';

const GOOD_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The outermost middleware.
 *
 * @example
 * ```ts
 * app.use('*', requestLog(ctx));
 * ```
 */
export function requestLog(ctx: ApiContext): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const t0 = performance.now();
    const given = c.req.header('x-request-id');
    const id = given && GOOD_ID.test(given) ? given : randomUUID();
    c.set('requestId', id);
    c.set('apiKey', null);
    await next();
    c.header('X-Request-Id', id);
    const route = c.res.status === 404 && routePath(c, -1) === '*' ? 'unmatched' : routePath(c, -1);
    const seconds = (performance.now() - t0) / 1000;
    ctx.metrics.observe(c.req.method, route, c.res.status, seconds);
    if (route === '/metrics' || route === '/healthz') return; // scrapes and probes would drown the log
    ctx.log.info('request', {
      requestId: id, method: c.req.method, path: c.req.path.slice(0, 256), route, status: c.res.status,
      ms: Math.round(seconds * 100_000) / 100, key: c.get('apiKey')?.id ?? null,
    });
  };
}
