/**
 * @module The coordinator's job and worker routes, proxied for keys with the `jobs` scope so that
 * the browser UI stays same-origin while the API itself never writes to the database. Bodies and
 * statuses are the coordinator's; server-sent events stream straight through. `EventSource`
 * cannot send headers, so `POST /api/v1/auth/sse-token` hands out a 60-second token that the
 * events route accepts as `?access_token=`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { ApiError } from '../../shared/api-errors.js';
import { bearerToken, type ApiKey } from '../../shared/api-keys.js';
import type { ApiContext, ApiEnv } from '../context.js';
import { envelope } from '../envelope.js';
import { requireScope } from '../middleware/auth.js';

const ID = /^[A-Za-z0-9._-]{1,128}$/;
const TOKEN_TTL_MS = 60_000;
const PASS_REQUEST = ['content-type', 'accept', 'last-event-id'];
const PASS_RESPONSE = ['content-type', 'cache-control', 'retry-after', 'location', 'x-accel-buffering'];

/**
 * Mount the proxy and the SSE token route on the app.
 *
 * @example
 * ```ts
 * mountJobsProxy(app, ctx);
 * ```
 */
export function mountJobsProxy(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const sign = (body: string) => createHmac('sha256', ctx.config.secret).update(`sse:${body}`).digest('base64url');
  const fromToken = (c: Context<ApiEnv>): ApiKey | null => {
    const t = c.req.query('access_token');
    const [body, sig] = (t ?? '').split('.');
    if (!body || !sig || sig.length !== 43 || !timingSafeEqual(Buffer.from(sig), Buffer.from(sign(body)))) return null;
    const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { k: string; exp: number };
    if (!(p.exp > ctx.now())) return null;
    return ctx.config.keys.find((k) => k.id === p.k) ?? null;
  };
  app.post('/api/v1/auth/sse-token', requireScope(ctx, 'jobs'), (c) => {
    const exp = ctx.now() + TOKEN_TTL_MS;
    const body = Buffer.from(JSON.stringify({ k: c.get('apiKey')!.id, exp })).toString('base64url');
    return c.json(envelope({ token: `${body}.${sign(body)}`, expiresAt: new Date(exp).toISOString() }, { query: {} }));
  });
  const forward = async (c: Context<ApiEnv>) => {
    const base = ctx.config.coordinatorUrl;
    if (!base) throw new ApiError(503, 'NO_COORDINATOR', 'job routes need a coordinator: set COWRIE_COORDINATOR_URL');
    const id = c.req.param('id');
    if (id !== undefined && !ID.test(id)) throw new ApiError(400, 'INVALID_PARAM', 'id: not a job id');
    const url = new URL(c.req.url);
    url.searchParams.delete('access_token');
    const headers = new Headers({ 'x-request-id': c.get('requestId') });
    for (const h of PASS_REQUEST) if (c.req.header(h)) headers.set(h, c.req.header(h)!);
    const bearer = bearerToken(c.req.header('authorization')) ?? ctx.config.coordinatorKey;
    if (bearer) headers.set('authorization', `Bearer ${bearer}`);
    const body = c.req.method === 'GET' ? undefined : await c.req.arrayBuffer();
    let res: Response;
    try {
      res = await fetch(`${base}${url.pathname}${url.search}`, { method: c.req.method, headers, body, redirect: 'manual', signal: c.req.raw.signal });
    } catch (err) {
      ctx.log.warn('coordinator unreachable', { requestId: c.get('requestId'), error: (err as Error).message });
      throw new ApiError(502, 'COORDINATOR_UNREACHABLE', 'the coordinator did not answer');
    }
    const out = new Headers();
    for (const h of PASS_RESPONSE) if (res.headers.get(h)) out.set(h, res.headers.get(h)!);
    return new Response(res.body, { status: res.status, headers: out });
  };
  const jobs = requireScope(ctx, 'jobs');
  app.on(['GET', 'POST'], '/api/v1/jobs', jobs, forward);
  app.get('/api/v1/jobs/:id', jobs, forward);
  app.post('/api/v1/jobs/:id/cancel', jobs, forward);
  app.get('/api/v1/jobs/:id/events', requireScope(ctx, 'jobs', fromToken), forward);
  app.get('/api/v1/workers', jobs, forward);
}
