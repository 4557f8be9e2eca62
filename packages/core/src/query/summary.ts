import { sql } from 'kysely';
import type { CowrieStore } from '../store/open-store.js';
import type { QueryFilter } from './time-window.js';
import { topN, type TopEntry } from './top-n.js';
import { inWindow } from './window-filter.js';

/** The summary report of a window (what `cowrie report summary` prints). */
export interface SummaryReport {
  window: { since: string | null; until: string | null; sensor: string | null };
  /** Sessions whose first event falls in the window. */
  sessions: number;
  /** Events in the window. */
  events: number;
  /** Distinct source IPs of those sessions. */
  uniqueIps: number;
  /** Distinct sensors of those sessions. */
  sensors: number;
  loginAttempts: number;
  loginSuccesses: number;
  commands: number;
  downloads: number;
  firstEvent: string | null;
  lastEvent: string | null;
  topIps: TopEntry[];
  topUsernames: TopEntry[];
  topPasswords: TopEntry[];
  topCredentials: TopEntry[];
  topCommands: TopEntry[];
  topDownloads: TopEntry[];
  topHassh: TopEntry[];
  topClientVersions: TopEntry[];
  topSensors: TopEntry[];
}

/**
 * Build the summary report for a window (all data when no window is given).
 *
 * @example
 * ```ts
 * const report = await summarize(store, { since: '2024-03-01T00:00:00.000000Z', top: 5 });
 * console.log(report.sessions, report.topIps);
 * ```
 */
export async function summarize(store: CowrieStore, opts: QueryFilter & { top?: number } = {}): Promise<SummaryReport> {
  const db = store.db;
  const f: QueryFilter = { since: opts.since, until: opts.until, sensor: opts.sensor };
  const limit = opts.top ?? 10;
  const s = await db.selectFrom('sessions')
    .select([
      (eb) => eb.fn.countAll<number>().as('sessions'),
      sql<number>`count(distinct src_ip)`.as('ips'),
      sql<number>`count(distinct sensor)`.as('sensors'),
    ])
    .where(inWindow('first_ts', f))
    .executeTakeFirstOrThrow();
  const e = await db.selectFrom('raw_events')
    .select([(eb) => eb.fn.countAll<number>().as('events'), (eb) => eb.fn.min('ts').as('first'), (eb) => eb.fn.max('ts').as('last')])
    .where(inWindow('ts', f))
    .executeTakeFirstOrThrow();
  const a = await db.selectFrom('auth_attempts')
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`coalesce(sum(success), 0)`.as('ok')])
    .where(inWindow('ts', f))
    .executeTakeFirstOrThrow();
  const c = await db.selectFrom('commands').select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inWindow('ts', f)).where('eventid', '=', 'cowrie.command.input').executeTakeFirstOrThrow();
  const d = await db.selectFrom('downloads').select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inWindow('ts', f)).where('direction', '=', 'download').where('failed', '=', 0).executeTakeFirstOrThrow();
  const o = { ...f, limit };
  return {
    window: { since: f.since ?? null, until: f.until ?? null, sensor: f.sensor ?? null },
    sessions: Number(s.sessions),
    events: Number(e.events),
    uniqueIps: Number(s.ips),
    sensors: Number(s.sensors),
    loginAttempts: Number(a.n),
    loginSuccesses: Number(a.ok),
    commands: Number(c.n),
    downloads: Number(d.n),
    firstEvent: (e.first as string | null) ?? null,
    lastEvent: (e.last as string | null) ?? null,
    topIps: await topN(store, 'srcIp', o),
    topUsernames: await topN(store, 'username', o),
    topPasswords: await topN(store, 'password', o),
    topCredentials: await topN(store, 'credential', o),
    topCommands: await topN(store, 'command', o),
    topDownloads: await topN(store, 'downloadUrl', o),
    topHassh: await topN(store, 'hassh', o),
    topClientVersions: await topN(store, 'clientVersion', o),
    topSensors: await topN(store, 'sensor', o),
  };
}
