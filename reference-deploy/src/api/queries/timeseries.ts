/**
 * @module Events (by event time) and sessions (by first event) per UTC hour or day.
 */
import { sql } from 'kysely';
import type { CowrieStore, QueryFilter } from '@cowrieprocessor/core';
import { windowOn } from './sql-helpers.js';

/** One bucket of the series. */
export interface TimeBucket {
  /** Start of the bucket, ISO UTC (`2024-03-01T10:00:00Z` or `2024-03-01T00:00:00Z`). */
  bucket: string;
  events: number;
  sessions: number;
}

/**
 * The series over the window, oldest bucket first; buckets without events or sessions are absent.
 *
 * @example
 * ```ts
 * const hours = await timeSeries(store, { since: '2024-03-01T00:00:00.000000Z' }, 'hour');
 * ```
 */
export async function timeSeries(store: CowrieStore, f: QueryFilter, interval: 'hour' | 'day'): Promise<TimeBucket[]> {
  const len = interval === 'hour' ? 13 : 10;
  const [events, sessions] = await Promise.all([
    store.db.selectFrom('raw_events').select([sql<string>`substr(ts, 1, ${sql.lit(len)})`.as('b'), (eb) => eb.fn.countAll<number>().as('n')])
      .where(windowOn('ts', f)).where('ts', 'is not', null).groupBy(sql`substr(ts, 1, ${sql.lit(len)})`).execute(),
    store.db.selectFrom('sessions').select([sql<string>`substr(first_ts, 1, ${sql.lit(len)})`.as('b'), (eb) => eb.fn.countAll<number>().as('n')])
      .where(windowOn('first_ts', f)).where('first_ts', 'is not', null).groupBy(sql`substr(first_ts, 1, ${sql.lit(len)})`).execute(),
  ]);
  const out = new Map<string, TimeBucket>();
  const at = (b: string) => {
    let x = out.get(b);
    if (!x) out.set(b, (x = { bucket: interval === 'hour' ? `${b}:00:00Z` : `${b}T00:00:00Z`, events: 0, sessions: 0 }));
    return x;
  };
  for (const r of events) at(r.b).events = Number(r.n);
  for (const r of sessions) at(r.b).sessions = Number(r.n);
  return [...out.values()].sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0));
}
