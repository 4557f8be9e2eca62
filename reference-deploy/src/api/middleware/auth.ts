/**
 * @module Bearer-key authentication with scopes, then the per-key rate limit.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../shared/api-errors.js';
import { bearerToken, findApiKey, type ApiKey, type ApiScope } from '../../shared/api-keys.js';
import type { ApiContext, ApiEnv } from '../context.js';

const LOCAL_KEY: ApiKey = { id: 'no-auth', scopes: new Set(['read', 'jobs']), digest: Buffer.alloc(32) };

/**
 * Require a key with `scope` (401 without a valid key, 403 without the scope), then spend one of
 * its tokens (429 with `Retry-After` when the bucket is empty).
 *
 * @example
 * ```ts
 * app.use('/api/v1/jobs/*', requireScope(ctx, 'jobs'));
 * ```
 */
export function requireScope(ctx: ApiContext, scope: ApiScope, tokenKey?: (c: Parameters<MiddlewareHandler<ApiEnv>>[0]) => ApiKey | null): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    let key: ApiKey | null = ctx.config.noAuth ? LOCAL_KEY : findApiKey(ctx.config.keys, bearerToken(c.req.header('authorization')));
    key ??= tokenKey?.(c) ?? null;
    if (!key) {
      c.header('WWW-Authenticate', 'Bearer realm="cowrie"');
      throw new ApiError(401, 'UNAUTHENTICATED', 'a valid API key is required: send Authorization: Bearer <key>');
    }
    c.set('apiKey', key);
    if (!key.scopes.has(scope)) throw new ApiError(403, 'FORBIDDEN', `this key lacks the "${scope}" scope`);
    const v = ctx.limiter.take(key.id);
    c.header('RateLimit-Limit', String(ctx.limiter.limit));
    c.header('RateLimit-Remaining', String(v.remaining));
    if (!v.allowed) {
      ctx.metrics.rateLimited();
      c.header('Retry-After', String(v.retryAfter));
      throw new ApiError(429, 'RATE_LIMITED', `rate limit exceeded for this key; retry in ${v.retryAfter} s`, { retryAfter: v.retryAfter });
    }
    await next();
  };
}
