import { sql, type Compilable } from 'kysely';
import type { CowrieStore } from '@cowrieprocessor/core';
import type { ProgressFn } from '../types.js';
import type { IpProfile } from './ip-profiles.js';
import { IpProfileBuilder } from './ip-profile-builder.js';
import type { DetectionWindow } from './session-record.js';

/** What {@link loadIpProfiles} reads besides sessions and credentials. */
export interface LoadIpProfilesOptions {
  /** Read commands (normalised form only) for `IpProfile.scripts`. Default true. */
  commands?: boolean;
  /** Collect `IpProfile.links` (reads downloads and SSH keys too), for the botnet detector. */
  links?: { minScriptCommands: number };
  /**
   * `all` (default): every pair each IP tried. `succeeded`: only pairs that logged in somewhere
   * in the window's span, so `IpProfile.credentials` holds just those (all the botnet detector
   * reads: successes and how many IPs tried them), and the failed guesses are never read.
   */
  credentials?: 'all' | 'succeeded';
  onProgress?: ProgressFn;
}

/** The events whose input is a command typed by the client (`command.failed`/`success` repeat it). */
const COMMAND_EVENTS = ['cowrie.command.input', 'cowrie.session.input'];

/**
 * Read the window's per-IP profiles straight from the store: the same {@link IpProfile}s as
 * `buildIpProfiles(await loadSessions(store, window))`, without a record per session or child
 * row. Sessions come from the `sessions` index on `first_ts` (only the columns the campaign
 * detectors use); child rows come from each table's `ts` index over the window's event span
 * (`since` to the latest `last_ts` of its sessions: every event of a session lies inside its
 * span), a few columns each, kept when their (sensor, session) is one of the window's
 * sessions (commands only with `commands`, downloads and SSH keys only with `links`).
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
  let q = store.db.selectFrom('sessions')
    .select(['sensor', 'session', 'src_ip', 'first_ts', 'last_ts', 'client_version_norm', 'hassh', 'login_attempts'])
    .where('first_ts', '>=', window.since).where('first_ts', '<', window.until);
  if (window.sensor !== undefined) q = q.where('sensor', '=', window.sensor);
  const rows = await q.execute();
  const b = new IpProfileBuilder(opts.links ? { links: opts.links } : {});
  // sensor -> session -> slot: two lookups, no key string built per child row.
  const slots = new Map<string, Map<string, number>>();
  let nSlots = 0;
  let spanEnd = window.since;
  for (const r of rows) {
    const slot = b.addSessionRow(r.sensor, r.session, r.src_ip, r.first_ts, r.last_ts, r.hassh, r.client_version_norm, Number(r.login_attempts));
    if (slot < 0) continue;
    let bySession = slots.get(r.sensor);
    if (!bySession) slots.set(r.sensor, (bySession = new Map()));
    bySession.set(r.session, slot);
    nSlots++;
    const last = r.last_ts ?? r.first_ts;
    if (last && last > spanEnd) spanEnd = last;
  }
  rows.length = 0;
  progress({ step: 'sessions', processed: ++done, total });
  const slotOf = (sensor: string, session: string | null) => (session === null ? -1 : slots.get(sensor)?.get(session) ?? -1);
  if (nSlots === 0) return b.build();

  // Child rows inside the window's event span (plus the rare untimed ones), on the `ts` index.
  type Child = 'auth_attempts' | 'commands' | 'downloads' | 'ssh_keys';
  const inSpan = <T extends Child>(table: T) => {
    let c = store.db.selectFrom(table as Child)
      .where((eb) => eb.or([eb.and([eb('ts', '>=', window.since), eb('ts', '<=', spanEnd)]), eb('ts', 'is', null)]));
    if (window.sensor !== undefined) c = c.where('sensor', '=', window.sensor);
    return c;
  };

  let auth = inSpan('auth_attempts').select(['sensor', 'session', 'username', 'password', 'success']);
  if (opts.credentials === 'succeeded') {
    // Only pairs that logged in somewhere in the span (a superset of the window's): the rows the
    // botnet detector uses (successes, and who else tried those pairs), not every failed guess.
    const key = sql`(coalesce(username, ''), coalesce(password, ''))`;
    const succeeded = inSpan('auth_attempts').select([sql`coalesce(username, '')`.as('u'), sql`coalesce(password, '')`.as('p')]).where('success', '=', 1);
    auth = auth.where(sql<boolean>`${key} in (${succeeded})`);
  }
  for await (const a of rowsOf(store, auth)) {
    b.addCredential(slotOf(a.sensor, a.session), a.username, a.password, Number(a.success) === 1);
  }
  progress({ step: 'credentials', processed: ++done, total });

  if (withCommands) {
    // Event order inside a session: by time, then by id (the order the loader wrote them).
    const cmds = inSpan('commands').select(['sensor', 'session', 'normalized'])
      .where('eventid', 'in', COMMAND_EVENTS).orderBy(sql`coalesce(ts, '')`).orderBy('id');
    for await (const c of rowsOf(store, cmds)) b.addCommand(slotOf(c.sensor, c.session), c.normalized);
  }
  if (withCommands) progress({ step: 'commands', processed: ++done, total });

  if (opts.links) {
    const dls = await inSpan('downloads').select(['sensor', 'session', 'url', 'shasum']).where('direction', '=', 'download').execute();
    for (const d of dls) b.addDownload(slotOf(d.sensor, d.session), d.url, d.shasum);
    progress({ step: 'downloads', processed: ++done, total });
    const ks = await inSpan('ssh_keys').select(['sensor', 'session', 'fingerprint_sha256']).execute();
    for (const k of ks) b.addSshKey(slotOf(k.sensor, k.session), k.fingerprint_sha256);
    progress({ step: 'sshKeys', processed: ++done, total });
  }
  const profiles = b.build();
  progress({ step: 'profiles', processed: total, total });
  return profiles;
}

/**
 * The rows of a query one at a time: streamed on SQLite (no array of every row, so the rows die
 * young), fetched whole on PostgreSQL (its driver streams only with a cursor module configured).
 */
async function* rowsOf<R>(store: CowrieStore, q: Compilable<R> & { stream(chunkSize?: number): AsyncIterableIterator<R>; execute(): Promise<R[]> }): AsyncIterableIterator<R> {
  if (store.dialect.name === 'sqlite') yield* q.stream(4096);
  else yield* await q.execute();
}
