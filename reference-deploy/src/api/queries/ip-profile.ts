/**
 * @module Everything we know about one source IP: its sessions (counts, first/last seen, sensors,
 * recent sessions), what it tried (credentials, commands, downloads), its fingerprints,
 * enrichment and the findings it belongs to. Reads go through the `sessions(src_ip)` index and
 * the derived tables' `(sensor, session)` indexes.
 */
import { sql } from 'kysely';
import { toSessionSummary, type CowrieStore, type QueryFilter, type SessionSummary } from '@cowrieprocessor/core';
import { listFindings, type Finding } from './detections.js';
import { ipIntel, type IpIntel } from './ip-intel.js';
import { byteOrder, compareBytes, windowOn } from './sql-helpers.js';

/** The profile of one IP; `null` fields when nothing is known. */
export interface IpProfile {
  ip: string;
  sessions: number;
  firstSeen: string | null;
  lastSeen: string | null;
  sensors: string[];
  loginAttempts: number;
  loginSuccesses: number;
  credentials: Array<{ value: string; count: number; username: string | null; password: string | null }>;
  commands: Array<{ value: string; count: number }>;
  downloads: Array<{ value: string; count: number; shasum: string | null }>;
  hassh: Array<{ value: string; count: number }>;
  clientVersions: Array<{ value: string; count: number }>;
  enrichment: IpIntel | null;
  detections: Finding[];
  recentSessions: SessionSummary[];
}

/**
 * The profile, or `null` when the IP has no session in the window and no finding.
 *
 * @example
 * ```ts
 * const p = await ipProfile(store, '203.0.113.7', {}, 10);
 * ```
 */
export async function ipProfile(store: CowrieStore, ip: string, f: QueryFilter, top: number): Promise<IpProfile | null> {
  const db = store.db;
  const sess = () => db.selectFrom('sessions as s').where('s.src_ip', '=', ip).where(windowOn('s.first_ts', f, 's.sensor'));
  const mine = windowOn('s.first_ts', f, 's.sensor');
  const [totals, sensors, creds, cmds, dls, hassh, versions, recent, intel, findings] = await Promise.all([
    sess().select([(eb) => eb.fn.countAll<number>().as('n'), sql<string | null>`min(s.first_ts)`.as('first'), sql<string | null>`max(s.last_ts)`.as('last'),
      sql<number>`coalesce(sum(s.login_attempts), 0)`.as('la'), sql<number>`coalesce(sum(s.login_success), 0)`.as('ls')]).executeTakeFirstOrThrow(),
    sess().select('s.sensor').distinct().execute(),
    db.selectFrom('auth_attempts as x').innerJoin('sessions as s', (j) => j.onRef('s.sensor', '=', 'x.sensor').onRef('s.session', '=', 'x.session'))
      .where('s.src_ip', '=', ip).where(mine).select(['x.username', 'x.password', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy(['x.username', 'x.password']).orderBy('count', 'desc').limit(top).execute(),
    db.selectFrom('commands as x').innerJoin('sessions as s', (j) => j.onRef('s.sensor', '=', 'x.sensor').onRef('s.session', '=', 'x.session'))
      .where('s.src_ip', '=', ip).where(mine).select([sql<string>`x.input`.as('value'), (eb) => eb.fn.countAll<number>().as('count')])
      .where('x.eventid', '=', 'cowrie.command.input').groupBy('x.input').orderBy('count', 'desc').orderBy(byteOrder(store, 'x.input')).limit(top).execute(),
    db.selectFrom('downloads as x').innerJoin('sessions as s', (j) => j.onRef('s.sensor', '=', 'x.sensor').onRef('s.session', '=', 'x.session'))
      .where('s.src_ip', '=', ip).where(mine).select([sql<string>`x.url`.as('value'), (eb) => eb.fn.countAll<number>().as('count'), sql<string | null>`max(x.shasum)`.as('shasum')])
      .where('x.url', 'is not', null).where('x.failed', '=', 0).where('x.direction', '=', 'download').groupBy('x.url').orderBy('count', 'desc').limit(top).execute(),
    sess().select([sql<string>`s.hassh`.as('value'), (eb) => eb.fn.countAll<number>().as('count')]).where('s.hassh', 'is not', null).groupBy('s.hassh').orderBy('count', 'desc').limit(top).execute(),
    sess().select([sql<string>`s.client_version_norm`.as('value'), (eb) => eb.fn.countAll<number>().as('count')]).where('s.client_version_norm', 'is not', null).groupBy('s.client_version_norm').orderBy('count', 'desc').limit(top).execute(),
    sess().selectAll('s').orderBy('s.first_ts', 'desc').limit(top).execute(),
    ipIntel(store, [ip]),
    listFindings(store, { ip }, 0, 50),
  ]);
  if (Number(totals.n) === 0 && findings.length === 0 && !intel.get(ip)) return null;
  const n = <T extends { count: unknown }>(rows: T[]) => rows.map((r) => ({ ...r, count: Number(r.count) }));
  return {
    ip, sessions: Number(totals.n), firstSeen: totals.first, lastSeen: totals.last,
    sensors: sensors.map((r) => r.sensor).sort(compareBytes), loginAttempts: Number(totals.la), loginSuccesses: Number(totals.ls),
    credentials: creds.map((r) => ({ value: `${r.username ?? ''}:${r.password ?? ''}`, count: Number(r.count), username: r.username, password: r.password })),
    commands: n(cmds), downloads: n(dls), hassh: n(hassh), clientVersions: n(versions),
    enrichment: intel.get(ip) ?? null, detections: findings, recentSessions: recent.map(toSessionSummary),
  };
}
