/**
 * @module `/api/v1/sessions` (search, keyset cursor) and `/api/v1/sessions/{id}` (detail with events).
 */
import { z } from 'zod';
import { getSessionDetail, resolveSessionRef } from '@cowrieprocessor/core';
import { ApiError } from '../../shared/api-errors.js';
import { readRoute, type ReadRoute } from '../context.js';
import { cursorParam, ipParam, limitParam, windowShape } from '../params.js';
import { searchSessions, type SessionAfter } from '../queries/sessions.js';

const ListQuery = z.strictObject({
  ...windowShape,
  srcIp: ipParam.optional().describe('only sessions from this source IP'),
  username: z.string().max(256).optional().describe('only sessions that tried this username'),
  command: z.string().min(1).max(256).optional().describe('only sessions that ran a command containing this text'),
  hasDownload: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('only sessions with (true) or without (false) a download'),
  limit: limitParam(100, 1000),
  cursor: cursorParam,
});

const list = readRoute({
  path: '/api/v1/sessions', tag: 'sessions', scope: 'read', cached: false, query: ListQuery,
  summary: 'Sessions whose first event is in the window, oldest first',
  async handler(input) {
    const { q, ctx, route } = input;
    let after: SessionAfter | undefined;
    if (q.cursor) {
      const p = ctx.codec.decode(route, q, q.cursor);
      const a = 'after' in p ? p.after : undefined;
      if (!a || typeof a.firstTs !== 'string' || typeof a.sensor !== 'string' || typeof a.session !== 'string') throw new ApiError(400, 'BAD_CURSOR', 'cursor is not valid for this request; start again without a cursor');
      after = { firstTs: a.firstTs, sensor: a.sensor, session: a.session };
    }
    const rows = await searchSessions(ctx.store, q, q.limit + 1, after);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const next = rows.length > q.limit && last ? ctx.codec.encode(route, q, { after: { firstTs: last.firstTs ?? '', sensor: last.sensor, session: last.session } }) : null; // '' marks the untimed tail
    return { data: page, limit: q.limit, next };
  },
});

const detail = readRoute({
  path: '/api/v1/sessions/:id{.+}', tag: 'sessions', scope: 'read', cached: false,
  query: z.strictObject({}),
  params: z.strictObject({ id: z.string().min(1).max(400).describe('sensor/session (URL-encoded) or a session id unique across sensors') }),
  summary: 'One session with its events, commands, logins, downloads, SSH keys and forwards',
  async handler({ params, ctx }) {
    const key = await resolveSessionRef(ctx.store, params.id);
    const d = key && (await getSessionDetail(ctx.store, key));
    if (!d) throw new ApiError(404, 'NOT_FOUND', `no session ${params.id.slice(0, 200)}`);
    return { data: d };
  },
});

/** The session routes. */
export const sessionRoutes: ReadRoute[] = [list, detail];
