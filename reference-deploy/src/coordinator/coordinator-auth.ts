/**
 * @module Authentication of the coordinator's job routes: a key with the `jobs` scope as
 * `Authorization: Bearer <key>`, or, on the events route only, a short-lived SSE token.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../shared/api-errors.js';
import { bearerToken, findApiKey, type ApiKey } from '../shared/api-keys.js';
import type { SseTokens } from '../shared/keys-sse-token.js';
import type { CoordinatorEnv } from './coordinator-env.js';

/**
 * Require a `jobs` key (401 without a valid one, 403 without the scope). With `tokens`, a valid
 * `?access_token=` / `?token=` also passes (EventSource cannot send headers).
 *
 * @example
 * ```ts
 * app.use('/api/v1/*', requireJobsKey(keys, false));
 * ```
 */
export function requireJobsKey(keys: readonly ApiKey[], noAuth: boolean, tokens?: SseTokens): MiddlewareHandler<CoordinatorEnv> {
  // Keys are fixed for the process's life: a bearer value once verified need not be hashed and
  // compared again on every submission (only valid ones are kept, so the map stays small).
  const verified = new Map<string, ApiKey>();
  const byBearer = (presented: string | null) => {
    if (!presented) return null;
    const hit = verified.get(presented);
    if (hit) return hit;
    const key = findApiKey(keys, presented);
    if (key && verified.size < 1000) verified.set(presented, key);
    return key;
  };
  return async (c, next) => {
    if (noAuth) {
      c.set('keyId', 'no-auth');
      return next();
    }
    const key = byBearer(bearerToken(c.req.header('authorization'))) ?? fromToken(c, keys, tokens);
    if (!key) {
      c.header('WWW-Authenticate', 'Bearer realm="cowrie"');
      throw new ApiError(401, 'UNAUTHENTICATED', 'a valid API key is required: send Authorization: Bearer <key>');
    }
    if (!key.scopes.has('jobs')) throw new ApiError(403, 'FORBIDDEN', 'this key lacks the "jobs" scope');
    c.set('keyId', key.id);
    await next();
  };
}

function fromToken(c: Context<CoordinatorEnv>, keys: readonly ApiKey[], tokens?: SseTokens): ApiKey | null {
  if (!tokens) return null;
  const id = tokens.verify(c.req.query('access_token') ?? c.req.query('token'));
  return id ? keys.find((k) => k.id === id) ?? null : null;
}
