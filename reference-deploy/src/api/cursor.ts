/**
 * @module Opaque, tamper-checked page cursors. A cursor is base64url(JSON payload) + "." +
 * base64url(HMAC-SHA256), and its payload names the endpoint and a digest of the query it was made
 * for: a forged, truncated or replayed-on-another-query cursor is refused with 400 `BAD_CURSOR`,
 * never fed to SQL.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../shared/api-errors.js';

/** What a cursor carries besides its binding: a keyset position or an offset. */
export type CursorPosition = { offset: number } | { after: Record<string, string> };

/** Signs and checks cursors with one secret. */
export interface CursorCodec {
  encode(route: string, query: Record<string, unknown>, pos: CursorPosition): string;
  decode(route: string, query: Record<string, unknown>, cursor: string): CursorPosition;
}

/**
 * A codec bound to the server's secret.
 *
 * @example
 * ```ts
 * const codec = createCursorCodec(secret);
 * const next = codec.encode('/api/v1/attackers', { since }, { offset: 100 });
 * codec.decode('/api/v1/attackers', { since }, next); // { offset: 100 }
 * ```
 */
export function createCursorCodec(secret: Buffer): CursorCodec {
  const mac = (body: string) => createHmac('sha256', secret).update(body).digest();
  return {
    encode(route, query, pos) {
      const body = Buffer.from(JSON.stringify({ r: route, q: queryDigest(query), p: pos })).toString('base64url');
      return `${body}.${mac(body).toString('base64url')}`;
    },
    decode(route, query, cursor) {
      const bad = (why: string) => new ApiError(400, 'BAD_CURSOR', `cursor is not valid for this request (${why}); start again without a cursor`);
      const [body, sig, extra] = cursor.split('.');
      if (!body || !sig || extra !== undefined || cursor.length > 2048) throw bad('malformed');
      const given = Buffer.from(sig, 'base64url');
      const want = mac(body);
      if (given.length !== want.length || !timingSafeEqual(given, want)) throw bad('signature');
      let payload: { r?: unknown; q?: unknown; p?: unknown };
      try {
        payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      } catch {
        throw bad('malformed');
      }
      if (payload.r !== route || payload.q !== queryDigest(query)) throw bad('made for another query');
      return payload.p as CursorPosition;
    },
  };
}

/** Digest of the query parameters that shape the result (cursor and limit excluded). */
function queryDigest(query: Record<string, unknown>): string {
  const keys = Object.keys(query).filter((k) => k !== 'cursor' && k !== 'limit' && query[k] !== undefined).sort();
  const canon = JSON.stringify(keys.map((k) => [k, query[k]]));
  return createHash('sha256').update(canon).digest('base64url').slice(0, 22);
}
