import { sql } from 'kysely';
import type { CowrieStore } from '@cowrieprocessor/core';
import type { ProgressFn } from '../types.js';
import type { DetectionWindow, SessionRecord } from './session-record.js';
import { COMMAND_EVENTS, SESSION_COLUMNS, toSessionRecord, type SessionRow } from './session-pages.js';

type SessionKey = string;
const keyOf = (sensor: string, session: string): SessionKey => `${sensor}\u0000${session}`;

/**
 * Load the sessions whose first event is in `[since, until)` (optionally one sensor) with their
 * credentials, commands, downloads and injected SSH keys. One query per table, each child table
 * joined to the window's sessions on (sensor, session), so the cost is a handful of queries
 * whatever the number of sessions (no N+1, no giant `IN` lists).
 *
 * @example
 * ```ts
 * const sessions = await loadSessions(store, { since: '2024-03-01T00:00:00.000000Z', until: '2024-03-08T00:00:00.000000Z' });
 * ```
 */
export async function loadSessions(store: CowrieStore, window: DetectionWindow, opts: { onProgress?: ProgressFn } = {}): Promise<SessionRecord[]> {
  const progress = opts.onProgress ?? (() => undefined);
  const total = 5;
  progress({ step: 'sessions', processed: 0, total });
  const inWin = (alias: 's') =>
    sql<boolean>`${sql.ref(`${alias}.first_ts`)} >= ${window.since} and ${sql.ref(`${alias}.first_ts`)} < ${window.until}${window.sensor !== undefined ? sql` and ${sql.ref(`${alias}.sensor`)} = ${window.sensor}` : sql``}`;

  const rows = await store.db.selectFrom('sessions as s').select([...SESSION_COLUMNS])
    .where(inWin('s'))
    .orderBy('s.first_ts').orderBy('s.sensor').orderBy('s.session')
    .execute();
  const byKey = new Map<SessionKey, SessionRecord>();
  const out: SessionRecord[] = rows.map((r) => {
    const rec = toSessionRecord(r as SessionRow);
    byKey.set(keyOf(rec.sensor, rec.session), rec);
    return rec;
  });
  progress({ step: 'sessions', processed: 1, total });
  if (out.length === 0) return out;

  // Child rows: joined to the window's sessions; ordered by id so a session's rows keep event order.
  const auth = await store.db.selectFrom('auth_attempts as c')
    .innerJoin('sessions as s', (j) => j.onRef('s.sensor', '=', 'c.sensor').onRef('s.session', '=', 'c.session'))
    .select(['c.sensor', 'c.session', 'c.username', 'c.password', 'c.success'])
    .where(inWin('s')).orderBy('c.id').execute();
  for (const a of auth) byKey.get(keyOf(a.sensor, a.session!))?.credentials.push({ username: a.username, password: a.password, success: Number(a.success) === 1 });
  progress({ step: 'credentials', processed: 2, total });

  const cmds = await store.db.selectFrom('commands as c')
    .innerJoin('sessions as s', (j) => j.onRef('s.sensor', '=', 'c.sensor').onRef('s.session', '=', 'c.session'))
    .select(['c.sensor', 'c.session', 'c.input', 'c.normalized', 'c.ts'])
    .where(inWin('s')).where('c.eventid', 'in', COMMAND_EVENTS).orderBy('c.id').execute();
  for (const c of cmds) byKey.get(keyOf(c.sensor, c.session!))?.commands.push({ input: c.input, normalized: c.normalized, ts: c.ts });
  progress({ step: 'commands', processed: 3, total });

  const dls = await store.db.selectFrom('downloads as c')
    .innerJoin('sessions as s', (j) => j.onRef('s.sensor', '=', 'c.sensor').onRef('s.session', '=', 'c.session'))
    .select(['c.sensor', 'c.session', 'c.url', 'c.shasum'])
    .where(inWin('s')).where('c.direction', '=', 'download').orderBy('c.id').execute();
  for (const d of dls) byKey.get(keyOf(d.sensor, d.session!))?.downloads.push({ url: d.url, shasum: d.shasum });
  progress({ step: 'downloads', processed: 4, total });

  const keys = await store.db.selectFrom('ssh_keys as c')
    .innerJoin('sessions as s', (j) => j.onRef('s.sensor', '=', 'c.sensor').onRef('s.session', '=', 'c.session'))
    .select(['c.sensor', 'c.session', 'c.fingerprint_sha256'])
    .where(inWin('s')).orderBy('c.id').execute();
  for (const k of keys) {
    const rec = byKey.get(keyOf(k.sensor, k.session!));
    if (rec && !rec.sshKeys.includes(k.fingerprint_sha256)) rec.sshKeys.push(k.fingerprint_sha256);
  }
  progress({ step: 'sshKeys', processed: 5, total });
  return out;
}
