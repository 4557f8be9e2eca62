import { sql, type RawBuilder } from 'kysely';
import type { CowrieStore } from '../store/open-store.js';
import type { QueryFilter } from './time-window.js';
import { binaryOrder, inWindow as windowOn } from './window-filter.js';

/** One row of a top-N list (conventions: `[{ value, count, … }]`). */
export interface TopEntry {
  value: string;
  count: number;
  [extra: string]: string | number | null;
}

/**
 * The dimensions a top-N list can rank, with what `count` counts (conventions): sessions for
 * source IPs, HASSH, client versions and sensors; login attempts for usernames, passwords and
 * credential pairs; events for commands and downloads.
 */
export type TopDimension =
  | 'srcIp' | 'hassh' | 'clientVersion' | 'sensor'
  | 'username' | 'password' | 'credential'
  | 'command' | 'downloadUrl' | 'downloadHash';

/** Options of {@link topN}. */
export interface TopOptions extends QueryFilter {
  /** How many entries (default 10). */
  limit?: number;
}

/**
 * Rank the most frequent values of one dimension in a window. Ties are broken by value in byte
 * order (the same on SQLite and PostgreSQL, whatever the database's collation).
 *
 * @example
 * ```ts
 * const ips = await topN(store, 'srcIp', { since: '2024-03-01T00:00:00.000000Z', limit: 5 });
 * // [{ value: '203.0.113.7', count: 42 }, …]
 * ```
 */
export async function topN(store: CowrieStore, dim: TopDimension, opts: TopOptions = {}): Promise<TopEntry[]> {
  const limit = Math.max(1, Math.min(opts.limit ?? 10, 10_000));
  const rows = await query(store, dim, opts, limit);
  return rows.map((r) => {
    const { value, count, ...rest } = r as Record<string, unknown>;
    const out: TopEntry = { value: String(value), count: Number(count) };
    for (const [k, v] of Object.entries(rest)) out[k] = v === null || typeof v === 'number' ? v : String(v);
    return out;
  });
}

async function query(store: CowrieStore, dim: TopDimension, f: QueryFilter, limit: number): Promise<unknown[]> {
  const db = store.db;
  const bin = (col: string | RawBuilder<unknown>) => binaryOrder(store, col);
  const bySession = (col: 'src_ip' | 'hassh' | 'client_version_norm' | 'sensor') =>
    db.selectFrom('sessions')
      .select([sql<string>`${sql.ref(col)}`.as('value'), (eb) => eb.fn.countAll<number>().as('count')])
      .where(windowOn('first_ts', f))
      .where(col, 'is not', null)
      .groupBy(col)
      .orderBy('count', 'desc').orderBy(bin(col))
      .limit(limit)
      .execute();
  const byAuth = (col: 'username' | 'password') =>
    db.selectFrom('auth_attempts')
      .select([sql<string>`${sql.ref(col)}`.as('value'), (eb) => eb.fn.countAll<number>().as('count')])
      .where(windowOn('ts', f))
      .where(col, 'is not', null)
      .groupBy(col)
      .orderBy('count', 'desc').orderBy(bin(col))
      .limit(limit)
      .execute();
  switch (dim) {
    case 'srcIp': return bySession('src_ip');
    case 'hassh': return bySession('hassh');
    case 'clientVersion': return bySession('client_version_norm');
    case 'sensor': return bySession('sensor');
    case 'username': return byAuth('username');
    case 'password': return byAuth('password');
    case 'credential':
      return db.selectFrom('auth_attempts')
        .select(['username', 'password', (eb) => eb.fn.countAll<number>().as('count')])
        .where(windowOn('ts', f))
        .groupBy(['username', 'password'])
        // The order of the `username:password` value; a NULL side shows as '' and sorts
        // before an empty string (NULLs themselves sort differently on the two dialects).
        .orderBy('count', 'desc')
        .orderBy(bin(sql`coalesce(username, '') || ':' || coalesce(password, '')`))
        .orderBy(sql`case when username is null then 0 else 1 end`).orderBy(sql`case when password is null then 0 else 1 end`)
        .limit(limit)
        .execute()
        .then((rows) => rows.map((r) => ({ value: `${r.username ?? ''}:${r.password ?? ''}`, count: r.count, username: r.username, password: r.password })));
    case 'command':
      return db.selectFrom('commands')
        .select([sql<string>`input`.as('value'), (eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.max('risk_score').as('riskScore')])
        .where(windowOn('ts', f))
        .where('eventid', '=', 'cowrie.command.input')
        .groupBy('input')
        .orderBy('count', 'desc').orderBy(bin('input'))
        .limit(limit)
        .execute();
    case 'downloadUrl':
      return db.selectFrom('downloads')
        .select([sql<string>`url`.as('value'), (eb) => eb.fn.countAll<number>().as('count'), sql<string | null>`max(${bin('shasum')})`.as('shasum')])
        .where(windowOn('ts', f))
        .where('direction', '=', 'download').where('failed', '=', 0).where('url', 'is not', null)
        .groupBy('url')
        .orderBy('count', 'desc').orderBy(bin('url'))
        .limit(limit)
        .execute();
    case 'downloadHash':
      return db.selectFrom('downloads')
        .select([sql<string>`shasum`.as('value'), (eb) => eb.fn.countAll<number>().as('count'), sql<string | null>`max(${bin('url')})`.as('url')])
        .where(windowOn('ts', f))
        .where('failed', '=', 0).where('shasum', 'is not', null)
        .groupBy('shasum')
        .orderBy('count', 'desc').orderBy(bin('shasum'))
        .limit(limit)
        .execute();
  }
}
