import { sql } from 'kysely';
import type { CowrieStore } from '../store/open-store.js';
import type { SessionsTable } from '../store/schema.js';
import { type SessionKey, formatSessionRef } from './session-ref.js';
import type { QueryFilter } from './time-window.js';
import { inWindow } from './window-filter.js';

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

/** Map a `sessions` row to {@link SessionSummary}. */
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
 * Sessions whose first event falls in the window, oldest first, with keyset pagination.
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
    q = q.where(sql<boolean>`(coalesce(first_ts, ''), sensor, session) > (${a.firstTs}, ${a.sensor}, ${a.session})`);
  }
  const rows = await q
    .orderBy(sql`coalesce(first_ts, '')`).orderBy('sensor').orderBy('session')
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
}

/** Load one session with its events and derived rows; `null` when it does not exist. */
export async function getSessionDetail(store: CowrieStore, key: SessionKey): Promise<SessionDetail | null> {
  const db = store.db;
  const row = await db.selectFrom('sessions').selectAll().where('sensor', '=', key.sensor).where('session', '=', key.session).executeTakeFirst();
  if (!row) return null;
  // Sessionless sensor '' is stored as NULL on events: match both.
  const sensorMatch = key.sensor === '' ? sql<boolean>`(sensor is null or sensor = '')` : sql<boolean>`sensor = ${key.sensor}`;
  // raw_events has no (sensor, session) index (it would cost a random insert per event): the
  // session's events are read through its time span, plus the rare events without a time.
  const timed = row.first_ts === null ? [] : await db.selectFrom('raw_events').select(['id', 'ts', 'eventid', 'payload'])
    .where('ts', '>=', row.first_ts).where('ts', '<=', row.last_ts ?? row.first_ts)
    .where(sensorMatch).where('session', '=', key.session).execute();
  const untimed = await db.selectFrom('raw_events').select(['id', 'ts', 'eventid', 'payload'])
    .where('ts', 'is', null).where(sensorMatch).where('session', '=', key.session).execute();
  const events = [...timed, ...untimed].sort((a, b) => ((a.ts ?? '') < (b.ts ?? '') ? -1 : (a.ts ?? '') > (b.ts ?? '') ? 1 : Number(a.id) - Number(b.id)));
  const commands = await db.selectFrom('commands').selectAll().where('sensor', '=', key.sensor).where('session', '=', key.session).orderBy(sql`coalesce(ts, '')`).orderBy('id').execute();
  const logins = await db.selectFrom('auth_attempts').selectAll().where('sensor', '=', key.sensor).where('session', '=', key.session).orderBy('id').execute();
  const downloads = await db.selectFrom('downloads').selectAll().where('sensor', '=', key.sensor).where('session', '=', key.session).orderBy('id').execute();
  const keys = await db.selectFrom('ssh_keys').selectAll().where('sensor', '=', key.sensor).where('session', '=', key.session).orderBy('id').execute();
  return {
    ...toSessionSummary(row),
    events: events.map((e) => ({ id: Number(e.id), ts: e.ts, eventid: e.eventid, payload: parseJson(e.payload) })),
    commands: commands.map((c) => ({ ts: c.ts, eventid: c.eventid, input: c.input, defanged: c.defanged, riskScore: Number(c.risk_score) })),
    logins: logins.map((l) => ({ ts: l.ts, username: l.username, password: l.password, success: Number(l.success) === 1 })),
    downloads: downloads.map((d) => ({ ts: d.ts, direction: d.direction, failed: Number(d.failed) === 1, url: d.url, shasum: d.shasum, outfile: d.outfile })),
    sshKeys: keys.map((k) => ({ ts: k.ts, keyType: k.key_type, fingerprintSha256: k.fingerprint_sha256, comment: k.comment })),
  };
}

function parseJson(v: unknown): Record<string, unknown> {
  if (typeof v === 'string') {
    try {
      return JSON.parse(v) as Record<string, unknown>;
    } catch {
      return { _unparsed: v };
    }
  }
  return (v ?? {}) as Record<string, unknown>;
}
