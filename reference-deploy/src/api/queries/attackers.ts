/**
 * @module Top source IPs: sessions (the conventions' `count` for IPs), first and last seen,
 * sensors, logins and distinct credentials tried, and what enrichment knows.
 */
import { sql } from 'kysely';
import type { CowrieStore, QueryFilter } from '@cowrieprocessor/core';
import { byteOrder, compareBytes, windowOn } from './sql-helpers.js';
import { ipIntel, type IpIntel } from './ip-intel.js';

/** One attacker row. */
export interface Attacker {
  value: string;
  /** Sessions from this IP whose first event is in the window. */
  count: number;
  firstSeen: string | null;
  lastSeen: string | null;
  sensors: string[];
  loginAttempts: number;
  loginSuccesses: number;
  /** Distinct username:password pairs tried (login events in the window). */
  credentialsTried: number;
  commands: number;
  downloads: number;
  country: string | null;
  asn: number | null;
  asName: string | null;
  reputation: IpIntel['reputation'] | null;
}

/**
 * A page of top attackers, ranked by sessions then IP (byte order).
 *
 * @example
 * ```ts
 * const page = await topAttackers(store, { since: '2024-03-01T00:00:00.000000Z' }, 0, 20);
 * ```
 */
export async function topAttackers(store: CowrieStore, f: QueryFilter, offset: number, limit: number): Promise<Attacker[]> {
  const rows = await store.db.selectFrom('sessions')
    .select([
      sql<string>`src_ip`.as('value'), (eb) => eb.fn.countAll<number>().as('count'),
      sql<string | null>`min(first_ts)`.as('firstSeen'), sql<string | null>`max(last_ts)`.as('lastSeen'),
      sql<number>`sum(login_attempts)`.as('loginAttempts'), sql<number>`sum(login_success)`.as('loginSuccesses'),
      sql<number>`sum(command_count)`.as('commands'), sql<number>`sum(download_count)`.as('downloads'),
    ])
    .where(windowOn('first_ts', f)).where('src_ip', 'is not', null)
    .groupBy('src_ip').orderBy('count', 'desc').orderBy(byteOrder(store, 'src_ip'))
    .limit(limit).offset(offset).execute();
  const ips = rows.map((r) => r.value);
  if (ips.length === 0) return [];
  const [sensors, creds, intel] = await Promise.all([
    store.db.selectFrom('sessions').select(['src_ip', 'sensor']).distinct()
      .where(windowOn('first_ts', f)).where('src_ip', 'in', ips).execute(),
    store.db.selectFrom('auth_attempts as a').innerJoin('sessions as s', (j) => j.onRef('s.sensor', '=', 'a.sensor').onRef('s.session', '=', 'a.session'))
      .select(['s.src_ip', sql<number>`count(distinct coalesce(a.username, '') || ':' || coalesce(a.password, ''))`.as('n')])
      .where('s.src_ip', 'in', ips).where(windowOn('a.ts', f, 'a.sensor'))
      .groupBy('s.src_ip').execute(),
    ipIntel(store, ips),
  ]);
  const sensorsOf = new Map<string, string[]>();
  for (const r of sensors) sensorsOf.set(r.src_ip!, [...(sensorsOf.get(r.src_ip!) ?? []), r.sensor]);
  const credsOf = new Map(creds.map((r) => [r.src_ip, Number(r.n)]));
  return rows.map((r) => {
    const i = intel.get(r.value);
    return {
      value: r.value, count: Number(r.count), firstSeen: r.firstSeen, lastSeen: r.lastSeen,
      sensors: (sensorsOf.get(r.value) ?? []).sort(compareBytes),
      loginAttempts: Number(r.loginAttempts ?? 0), loginSuccesses: Number(r.loginSuccesses ?? 0),
      credentialsTried: credsOf.get(r.value) ?? 0, commands: Number(r.commands ?? 0), downloads: Number(r.downloads ?? 0),
      country: i?.country ?? null, asn: i?.asn ?? null, asName: i?.asName ?? null, reputation: i?.reputation ?? null,
    };
  });
}
