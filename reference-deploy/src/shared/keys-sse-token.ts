/**
 * @module Short-lived tokens for server-sent events. `EventSource` sends no headers, so a client
 * holding a key with the right scope first asks for a token (valid 60 s by default) and passes it
 * as `?access_token=` (or `?token=`). Tokens are HMAC-signed with a per-process secret and name
 * the key id, never the key. Shared by the coordinator; the API's proxy has its own route.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Signs and checks SSE tokens. */
export interface SseTokens {
  issue(keyId: string, now?: number): { token: string; expiresAt: string };
  /** The key id a valid, unexpired token names, else null. */
  verify(token: string | undefined | null, now?: number): string | null;
}

/**
 * A token signer with `secret` (random when omitted: tokens then only work on this process).
 *
 * @example
 * ```ts
 * const tokens = createSseTokens();
 * const { token } = tokens.issue(key.id);
 * tokens.verify(token); // key.id
 * ```
 */
export function createSseTokens(secret: Buffer | string = randomBytes(32), ttlMs = 60_000): SseTokens {
  const sign = (body: string) => createHmac('sha256', secret).update(`sse:${body}`).digest('base64url');
  return {
    issue(keyId, now = Date.now()) {
      const exp = now + ttlMs;
      const body = Buffer.from(JSON.stringify({ k: keyId, exp })).toString('base64url');
      return { token: `${body}.${sign(body)}`, expiresAt: new Date(exp).toISOString() };
    },
    verify(token, now = Date.now()) {
      const [body, sig] = (token ?? '').split('.');
      if (!body || !sig) return null;
      const want = Buffer.from(sign(body));
      const got = Buffer.from(sig);
      if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
      try {
        const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { k: string; exp: number };
        return p.exp > now ? p.k : null;
      } catch {
        return null;
      }
    },
  };
}
