import { sql } from 'kysely';
import type { CowrieStore } from '../store/open-store.js';
import type { Selectable } from 'kysely';
import type { Database, SessionsTable } from '../store/schema.js';
import { type SessionKey, formatSessionRef } from './session-ref.js';
import type { QueryFilter } from './time-window.js';
import { binaryOrder, inWindow } from './window-filter.js';

/** A session as the query API returns it (camelCase). */
export interface SessionSummary {
  ref: string;
  sensor: string;
  session: string;
  srcIp: string | null;
  srcPort: number | null;
  dstIp: string | null;
  dstPort: number | null;
  protocol: string | null;
  firstTs: string | null;
  lastTs: string | null;
  durationMs: number | null;
  closed: boolean;
  clientVersion: string | null;
  hassh: string | null;
  eventCount: number;
  loginAttempts: number;
  loginSuccess: number;
  commandCount: number;
  downloadCount: number;
  uploadCount: number;
  tcpipCount: number;
  sshKeyCount: number;
  riskScore: number;
}

/** Filters of {@link listSessions}. */
export interface SessionListOptions extends QueryFilter {
  srcIp?: string;
  limit?: number;
  /** Return sessions strictly after this `(firstTs, ref)` cursor from a previous page. */
  after?: { firstTs: string; sensor: string; session: string };
}

/**
 * Map a `sessions` row to {@link SessionSummary} (camelCase, numbers as numbers, booleans as
 * booleans, the normalised client version preferred).
 *
 * @example
 * ```ts
 * const row = await store.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
 * const s = toSessionSummary(row); // { ref: 'honey-1/a3f2c1d4e5b6', closed: true, durationMs: 9127, … }
 * ```
 */
export function toSessionSummary(r: SessionsTable): SessionSummary {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    ref: formatSessionRef(r), sensor: r.sensor, session: r.session, srcIp: r.src_ip, srcPort: n(r.src_port),
    dstIp: r.dst_ip, dstPort: n(r.dst_port), protocol: r.protocol, firstTs: r.first_ts, lastTs: r.last_ts,
    durationMs: n(r.duration_ms), closed: Number(r.closed) === 1, clientVersion: r.client_version_norm ?? r.client_version,
    hassh: r.hassh, eventCount: Number(r.event_count), loginAttempts: Number(r.login_attempts), loginSuccess: Number(r.login_success),
    commandCount: Number(r.command_count), downloadCount: Number(r.download_count), uploadCount: Number(r.upload_count),
    tcpipCount: Number(r.tcpip_count), sshKeyCount: Number(r.ssh_key_count), riskScore: Number(r.risk_score),
  };
}

/**
 * Sessions whose first event falls in the window, oldest first (then by sensor and session id,
 * byte-wise), with keyset pagination.
 *
 * @example
 * ```ts
 * const page = await listSessions(store, { since: '2024-03-01T00:00:00.000000Z', limit: 100 });
 * ```
 */
export async function listSessions(store: CowrieStore, opts: SessionListOptions = {}): Promise<SessionSummary[]> {
  let q = store.db.selectFrom('sessions').selectAll().where(inWindow('first_ts', opts));
  if (opts.srcIp) q = q.where('src_ip', '=', opts.srcIp);
  if (opts.after) {
    const a = opts.after;
    q = q.where(sql<boolean>`(coalesce(first_ts, ''), ${binaryOrder(store, 'sensor')}, ${binaryOrder(store, 'session')}) > (${a.firstTs}, ${a.sensor}, ${a.session})`);
  }
  const rows = await q
    .orderBy(sql`coalesce(first_ts, '')`).orderBy(binaryOrder(store, 'sensor')).orderBy(binaryOrder(store, 'session'))
    .limit(Math.max(1, Math.min(opts.limit ?? 100, 10_000)))
    .execute();
  return rows.map(toSessionSummary);
}

/** Everything stored about one session. */
export interface SessionDetail extends SessionSummary {
  events: Array<{ id: number; ts: string | null; eventid: string; payload: Record<string, unknown> }>;
  commands: Array<{ ts: string | null; eventid: string; input: string; defanged: string; riskScore: number }>;
  logins: Array<{ ts: string | null; username: string | null; password: string | null; success: boolean }>;
  downloads: Array<{ ts: string | null; direction: string; failed: boolean; url: string | null; shasum: string | null; outfile: string | null }>;
  sshKeys: Array<{ ts: string | null; keyType: string; fingerprintSha256: string; comment: string | null }>;
  /** `direct-tcpip` requests and data: where the attacker tried to connect through the honeypot. */
  forwards: Array<{ ts: string | null; eventid: string; targetHost: string | null; targetPort: number | null; origIp: string | null; origPort: number | null }>;
}

/**
 * Load one session with its events (in time order) and derived rows (commands, logins,
 * downloads, SSH keys, TCP forwards; each in time order); `null` when it does not exist.
 *
 * @example
 * ```ts
 * const key = await resolveSessionRef(store, 'honey-1/a3f2c1d4e5b6');
 * const d = key && (await getSessionDetail(store, key));
 * if (d) console.log(d.eventCount, d.commands.map((c) => c.input), d.forwards.map((f) => `${f.targetHost}:${f.targetPort}`));
 * ```
 */
export async function getSessionDetail(store: CowrieStore, key: SessionKey): Promise<SessionDetail | null> {
  const db = store.db;
  const row = await db.selectFrom('sessions').selectAll().where('sensor', '=', key.sensor).where('session', '=', key.session).executeTakeFirst();
  if (!row) return null;
  // raw_events has no (sensor, session) index (it would cost a random insert per event): the
  // session's events are read through its time span, plus the rare events without a time.
  const timed = row.first_ts === null ? [] : await db.selectFrom('raw_events').select(['id', 'ts', 'eventid', 'payload'])
    .where('ts', '>=', row.first_ts).where('ts', '<=', row.last_ts ?? row.first_ts)
    .where('sensor', '=', key.sensor).where('session', '=', key.session).execute();
  const untimed = await db.selectFrom('raw_events').select(['id', 'ts', 'eventid', 'payload'])
    .where('ts', 'is', null).where('sensor', '=', key.sensor).where('session', '=', key.session).execute();
  const events = [...timed, ...untimed].sort((a, b) => ((a.ts ?? '') < (b.ts ?? '') ? -1 : (a.ts ?? '') > (b.ts ?? '') ? 1 : Number(a.id) - Number(b.id)));
  // The derived tables share (sensor, session, ts, id) and an index on (sensor, session).
  const rowsOf = <T extends 'commands' | 'auth_attempts' | 'downloads' | 'ssh_keys' | 'tcp_forwards'>(table: T) =>
    db.selectFrom(table as 'commands').selectAll().where('sensor', '=', key.sensor).where('session', '=', key.session)
      .orderBy(sql`coalesce(ts, '')`).orderBy('id').execute() as unknown as Promise<Array<Selectable<Database[T]>>>;
  const [commands, logins, downloads, keys, forwards] = await Promise.all([
    rowsOf('commands'), rowsOf('auth_attempts'), rowsOf('downloads'), rowsOf('ssh_keys'), rowsOf('tcp_forwards'),
  ]);
  const n = (v: number | string | null) => (v === null ? null : Number(v));
  return {
    ...toSessionSummary(row),
    events: events.map((e) => ({ id: Number(e.id), ts: e.ts, eventid: e.eventid, payload: (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload) as Record<string, unknown> })),
    commands: commands.map((c) => ({ ts: c.ts, eventid: c.eventid, input: c.input, defanged: c.defanged, riskScore: Number(c.risk_score) })),
    logins: logins.map((l) => ({ ts: l.ts, username: l.username, password: l.password, success: Number(l.success) === 1 })),
    downloads: downloads.map((d) => ({ ts: d.ts, direction: d.direction, failed: Number(d.failed) === 1, url: d.url, shasum: d.shasum, outfile: d.outfile })),
    sshKeys: keys.map((k) => ({ ts: k.ts, keyType: k.key_type, fingerprintSha256: k.fingerprint_sha256, comment: k.comment })),
    forwards: forwards.map((f) => ({ ts: f.ts, eventid: f.eventid, targetHost: f.target_host, targetPort: n(f.target_port), origIp: f.orig_ip, origPort: n(f.orig_port) })),
  };
}
