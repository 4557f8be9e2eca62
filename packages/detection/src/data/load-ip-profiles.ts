import { sql, type RawBuilder } from 'kysely';
import type { CowrieStore } from '@cowrieprocessor/core';
import type { ProgressFn } from '../types.js';
import { credKey, type IpProfile } from './ip-profiles.js';
import { IpProfileBuilder } from './ip-profile-builder.js';
import type { DetectionWindow } from './session-record.js';

/** What {@link loadIpProfiles} reads besides sessions and credentials. */
export interface LoadIpProfilesOptions {
  /** Read commands (normalised form only) for `IpProfile.scripts`. Default true. */
  commands?: boolean;
  /** Collect `IpProfile.links` (reads downloads and SSH keys too), for the botnet detector. */
  links?: { minScriptCommands: number };
  /**
   * `all` (default): every pair each IP tried. `succeeded`: only each IP's successful pairs, so
   * `IpProfile.credentials` holds just its successes (with `triedBy`, all the botnet detector
   * reads), and the failed guesses are never turned into rows.
   */
  credentials?: 'all' | 'succeeded';
  /**
   * With `credentials: 'succeeded'`: filled with, for every pair that logged in somewhere, how many
   * of the window's IPs tried it (`credKey` → IPs), counted in SQL (the botnet rarity rule).
   */
  triedBy?: Map<string, number>;
  /**
   * Collect here the first-event time of every session read (what the predecessor's window score
   * clusters), from the same rows: profiles read from the store carry no session stubs.
   */
  starts?: Array<string | null>;
  onProgress?: ProgressFn;
}

/** The events whose input is a command typed by the client (`command.failed`/`success` repeat it). */
const COMMAND_EVENTS = ['cowrie.command.input', 'cowrie.session.input'];

/** `s.first_ts` in `[since, until)` (and `s.sensor`), the window's sessions and nothing else. */
export const inWindow = (window: DetectionWindow, alias = 's'): RawBuilder<boolean> =>
  sql<boolean>`${sql.ref(`${alias}.first_ts`)} >= ${window.since} and ${sql.ref(`${alias}.first_ts`)} < ${window.until}${window.sensor !== undefined ? sql` and ${sql.ref(`${alias}.sensor`)} = ${window.sensor}` : sql``}`;

/**
 * Read the window's per-IP profiles straight from the store: the same {@link IpProfile}s as
 * `buildIpProfiles(await loadSessions(store, window))` but without session stubs (`sessions` is
 * empty, `sessionCount` holds the count; `loadFindingSessions` reads the stubs of the IPs that
 * end up in findings). What costs here is turning rows into JS values, so SQL returns as few as
 * it can: sessions without their keys, credentials deduplicated per (IP, pair) with a count,
 * and every child table joined to the window's sessions on (sensor, session) so that each row
 * carries its session's IP (exact window, no per-session map in JS). Commands only with
 * `commands`, downloads and SSH keys only with `links`.
 *
 * @example
 * ```ts
 * const profiles = await loadIpProfiles(store, { since: '2024-03-01T00:00:00.000000Z', until: '2024-03-08T00:00:00.000000Z' });
 * detectSnowshoeInProfiles(profiles).campaigns;
 * ```
 */
export async function loadIpProfiles(store: CowrieStore, window: DetectionWindow, opts: LoadIpProfilesOptions = {}): Promise<IpProfile[]> {
  const progress = opts.onProgress ?? (() => undefined);
  const withCommands = opts.commands !== false || opts.links !== undefined;
  const total = 3 + (withCommands ? 1 : 0) + (opts.links ? 2 : 0);
  let done = 0;
  progress({ step: 'sessions', processed: done, total });
  // One row per session but without its keys (sensor, session: two long strings that only the
  // findings' IPs need, read later): turning values into JS strings is what costs here, and
  // grouping in SQL costs a sort that takes as long as it saves.
  const rows = await store.db.selectFrom('sessions as s')
    .select(['s.src_ip', 's.hassh', 's.client_version_norm', 's.first_ts', 's.last_ts', 's.login_attempts'])
    .where(inWindow(window)).where('s.src_ip', 'is not', null).where('s.src_ip', '<>', '')
    .execute();
  const b = new IpProfileBuilder(opts.links ? { links: opts.links } : {});
  let spanEnd = window.since;
  let lastIp: string | null = null;
  let ip = -1;
  for (const r of rows) {
    if (r.src_ip !== lastIp) ip = b.ipIndex((lastIp = r.src_ip));
    b.addSessionGroup(ip, 1, r.hassh, r.client_version_norm, r.first_ts, r.last_ts, Number(r.login_attempts));
    opts.starts?.push(r.first_ts);
    const last = r.last_ts ?? r.first_ts;
    if (last && last > spanEnd) spanEnd = last;
  }
  const nSessions = rows.length;
  rows.length = 0;
  progress({ step: 'sessions', processed: ++done, total });
  if (nSessions === 0) return b.build();

  // Child rows of the window's sessions, each with its session's IP.
  const where = sql<boolean>`${inWindow(window)} and s.src_ip is not null and s.src_ip <> ''`;
  const on = (table: string) => sql<boolean>`${sql.ref(`${table}.sensor`)} = s.sensor and ${sql.ref(`${table}.session`)} = s.session`;

  const auth = () => store.db.selectFrom('sessions as s').innerJoin('auth_attempts as c', (j) => j.on(on('c'))).where(where);
  if (opts.credentials === 'succeeded') {
    // The botnet detector reads only each IP's successes and, for those pairs, how many IPs
    // tried them: both aggregated in SQL (a few thousand rows) instead of every IP's attempts.
    for (const a of await auth().select(['s.src_ip', 'c.username', 'c.password', sql<number | string>`count(*)`.as('n')]).where('c.success', '=', 1)
      .groupBy(['s.src_ip', 'c.username', 'c.password']).execute()) {
      if (a.src_ip !== lastIp) ip = b.ipIndex((lastIp = a.src_ip));
      b.addCredential(ip, a.username, a.password, true, Number(a.n));
    }
    if (opts.triedBy) {
      // Pairs that logged in somewhere in the window's event span (a superset of the window's).
      let succeeded = store.db.selectFrom('auth_attempts').select([sql`coalesce(username, '')`.as('u'), sql`coalesce(password, '')`.as('p')])
        .where('success', '=', 1)
        .where((eb) => eb.or([eb.and([eb('ts', '>=', window.since), eb('ts', '<=', spanEnd)]), eb('ts', 'is', null)]));
      if (window.sensor !== undefined) succeeded = succeeded.where('sensor', '=', window.sensor);
      const u = sql<string>`coalesce(c.username, '')`;
      const pw = sql<string>`coalesce(c.password, '')`;
      const tried = await auth().where(sql<boolean>`(${u}, ${pw}) in (${succeeded})`)
        .select([u.as('u'), pw.as('p'), sql<number | string>`count(distinct s.src_ip)`.as('n')]).groupBy([u, pw]).execute();
      for (const t of tried) opts.triedBy.set(credKey(t.u, t.p), Number(t.n));
    }
  } else {
    // Deduplicated per IP in SQL, and fetched whole: iterating a stream row by row costs more
    // than the array, whose rows are few (one per IP and pair) and short-lived.
    for (const a of await auth().select(['s.src_ip', 'c.username', 'c.password', sql<number | string>`max(c.success)`.as('success'), sql<number | string>`count(*)`.as('n')])
      .groupBy(['s.src_ip', 'c.username', 'c.password']).execute()) {
      if (a.src_ip !== lastIp) ip = b.ipIndex((lastIp = a.src_ip));
      b.addCredential(ip, a.username, a.password, Number(a.success) === 1, Number(a.n));
    }
  }
  progress({ step: 'credentials', processed: ++done, total });

  if (withCommands) {
    // A session's script: its commands by time, then by id (the order the loader wrote them).
    const cmds = store.db.selectFrom('sessions as s').innerJoin('commands as c', (j) => j.on(on('c'))).where(where)
      .select(['s.src_ip', 'c.sensor', 'c.session', 'c.normalized'])
      .where('c.eventid', 'in', COMMAND_EVENTS)
      .orderBy('c.sensor').orderBy('c.session').orderBy(sql`coalesce(c.ts, '')`).orderBy('c.id');
    let key: [string, string | null] = ['', null];
    let list: string[] = [];
    let owner = -1;
    for (const c of await cmds.execute()) {
      if (c.sensor !== key[0] || c.session !== key[1]) {
        b.addScript(owner, list);
        key = [c.sensor, c.session];
        list = [];
        owner = b.ipIndex(c.src_ip);
      }
      list.push(c.normalized);
    }
    b.addScript(owner, list);
    progress({ step: 'commands', processed: ++done, total });
  }

  if (opts.links) {
    const dls = await store.db.selectFrom('sessions as s').innerJoin('downloads as c', (j) => j.on(on('c'))).where(where)
      .select(['s.src_ip', 'c.url', 'c.shasum']).where('c.direction', '=', 'download').execute();
    for (const d of dls) b.addDownload(b.ipIndex(d.src_ip), d.url, d.shasum);
    progress({ step: 'downloads', processed: ++done, total });
    const ks = await store.db.selectFrom('sessions as s').innerJoin('ssh_keys as c', (j) => j.on(on('c'))).where(where)
      .select(['s.src_ip', 'c.fingerprint_sha256']).execute();
    for (const k of ks) b.addSshKey(b.ipIndex(k.src_ip), k.fingerprint_sha256);
    progress({ step: 'sshKeys', processed: ++done, total });
  }
  const profiles = b.build();
  progress({ step: 'profiles', processed: total, total });
  return profiles;
}
