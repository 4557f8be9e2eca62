/**
 * @module Session search: window (by first event), sensor, source IP, username tried, command
 * text and has-download, oldest first with keyset pagination on `(firstTs, sensor, session)`.
 */
import { sql, type Selectable } from 'kysely';
import { toSessionSummary, type CowrieStore, type QueryFilter, type SessionSummary, type SessionsTable } from '@cowrieprocessor/core';
import { byteOrder, windowOn } from './sql-helpers.js';

/** Filters of {@link searchSessions}. */
export interface SessionSearch extends QueryFilter {
  srcIp?: string;
  username?: string;
  /** Substring of a command the session ran (as typed). */
  command?: string;
  hasDownload?: boolean;
}

/** Keyset position: the last row of the previous page. */
export interface SessionAfter {
  firstTs: string;
  sensor: string;
  session: string;
}

/**
 * Up to `limit` sessions after `after`.
 *
 * @example
 * ```ts
 * const rows = await searchSessions(store, { username: 'root', hasDownload: true }, 50);
 * ```
 */
export async function searchSessions(store: CowrieStore, f: SessionSearch, limit: number, after?: SessionAfter): Promise<SessionSummary[]> {
  // Timed sessions first, in first_ts order (the first_ts index serves both the order and the
  // keyset range); sessions without any timed event (rare) follow, by sensor and id, and only
  // when no window bound is set. `after.firstTs === ''` marks a position in that second part.
  const out: Array<Selectable<SessionsTable>> = [];
  if (!after || after.firstTs !== '') {
    let q = filtered(store, f).where('s.first_ts', 'is not', null);
    if (after) {
      q = q.where('s.first_ts', '>=', after.firstTs)
        .where(sql<boolean>`(s.first_ts, ${byteOrder(store, 's.sensor')}, ${byteOrder(store, 's.session')}) > (${after.firstTs}, ${after.sensor}, ${after.session})`);
    }
    out.push(...(await q.orderBy('s.first_ts').orderBy(byteOrder(store, 's.sensor')).orderBy(byteOrder(store, 's.session')).limit(limit).execute()));
  }
  if (out.length < limit && !f.since && !f.until) {
    let q = filtered(store, f).where('s.first_ts', 'is', null);
    if (after?.firstTs === '') q = q.where(sql<boolean>`(${byteOrder(store, 's.sensor')}, ${byteOrder(store, 's.session')}) > (${after.sensor}, ${after.session})`);
    out.push(...(await q.orderBy(byteOrder(store, 's.sensor')).orderBy(byteOrder(store, 's.session')).limit(limit - out.length).execute()));
  }
  return out.map(toSessionSummary);
}

function filtered(store: CowrieStore, f: SessionSearch) {
  let q = store.db.selectFrom('sessions as s').selectAll('s').where(windowOn('s.first_ts', f, 's.sensor'));
  if (f.srcIp) q = q.where('s.src_ip', '=', f.srcIp);
  if (f.hasDownload !== undefined) q = q.where('s.download_count', f.hasDownload ? '>' : '=', 0);
  if (f.username !== undefined) {
    const u = f.username;
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('auth_attempts as a').select(sql`1`.as('one'))
      .whereRef('a.sensor', '=', 's.sensor').whereRef('a.session', '=', 's.session').where('a.username', '=', u)));
  }
  if (f.command !== undefined) {
    const pattern = `%${f.command.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('commands as c').select(sql`1`.as('one'))
      .whereRef('c.sensor', '=', 's.sensor').whereRef('c.session', '=', 's.session')
      .where(sql<boolean>`c.input like ${pattern} escape '\\'`)));
  }
  return q;
}
