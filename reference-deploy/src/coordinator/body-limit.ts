/**
 * @module Request body limit that leaves the body unread when `Content-Length` already answers.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Refuse bodies over `maxSize` bytes with `onError` (a 413). A request that declares its length
 * is judged by the header alone: Hono's own `bodyLimit` touches `req.body` first, which on
 * `@hono/node-server` builds a full web `Request` with a stream per request and, on the submit
 * route, cost more CPU than the job itself. Chunked bodies (no length) still go through Hono's
 * counting reader; Node's HTTP parser never delivers more bytes than a declared length.
 *
 * @example
 * ```ts
 * app.use('*', limitBody(64 * 1024, (c) => c.json({ error: 'too large' }, 413)));
 * ```
 */
export function limitBody(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const counting = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const method = c.req.method;
    // Bodies of GET and HEAD are never read (Hono's limit skips them too: a web Request has none).
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > maxSize ? onError(c) : next();
    }
    return counting(c, next);
  };
}
