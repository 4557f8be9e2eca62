import { nowIso } from '../../util/now-iso.js';
import { sql, type Kysely, type OnConflictBuilder } from 'kysely';
import type { SessionDelta } from './session-delta.js';
import type { Database } from '../schema.js';
import { sessionRow } from './session-row.js';
import { chunkRows } from './with-write-transaction.js';

/**
 * Merge per-batch session deltas into `sessions`. The rules mirror `mergeSessionDelta`: the
 * `session.connect` event's addresses win, first/last are min/max (nulls ignored), counts add,
 * risk is the maximum, descriptive fields keep the first value. Written once for both dialects.
 */
export async function upsertSessions(trx: Kysely<Database>, deltas: readonly SessionDelta[], maxParams: number): Promise<void> {
  const now = nowIso();
  const rows = deltas.map((d) => sessionRow(d, now));
  for (const part of chunkRows(rows, maxParams)) await sessionUpsert(trx, part).execute();
}

/**
 * The upsert statement for some `sessions` rows. SQLite prepares it once for one row; PostgreSQL
 * sends it with many.
 */
export function sessionUpsert(trx: Kysely<Database>, rows: ReturnType<typeof sessionRow>[]) {
  return trx.insertInto('sessions').values(rows).onConflict(mergeSessionRows);
}

/**
 * The `ON CONFLICT` clause of the sessions upsert, for writers that supply rows another way
 * (PostgreSQL's array-parameter insert).
 */
export function mergeSessionRows(oc: OnConflictBuilder<Database, 'sessions'>) {
  const connectWins = (col: string) =>
    sql<any>`case when excluded.connect_seen = 1 and excluded.${sql.ref(col)} is not null then excluded.${sql.ref(col)} else coalesce(sessions.${sql.ref(col)}, excluded.${sql.ref(col)}) end`;
  const keepFirst = (col: string) => sql<any>`coalesce(sessions.${sql.ref(col)}, excluded.${sql.ref(col)})`;
  const add = (col: string) => sql<number>`sessions.${sql.ref(col)} + excluded.${sql.ref(col)}`;
  return oc.columns(['sensor', 'session']).doUpdateSet({
    src_ip: connectWins('src_ip'),
    src_port: connectWins('src_port'),
    dst_ip: connectWins('dst_ip'),
    dst_port: connectWins('dst_port'),
    protocol: keepFirst('protocol'),
    first_ts: sql`case when sessions.first_ts is null then excluded.first_ts when excluded.first_ts is null then sessions.first_ts when excluded.first_ts < sessions.first_ts then excluded.first_ts else sessions.first_ts end`,
    last_ts: sql`case when sessions.last_ts is null then excluded.last_ts when excluded.last_ts is null then sessions.last_ts when excluded.last_ts > sessions.last_ts then excluded.last_ts else sessions.last_ts end`,
    duration_ms: sql`coalesce(excluded.duration_ms, sessions.duration_ms)`,
    connect_seen: sql`case when excluded.connect_seen = 1 then 1 else sessions.connect_seen end`,
    closed: sql`case when excluded.closed = 1 then 1 else sessions.closed end`,
    client_version: keepFirst('client_version'),
    client_version_norm: keepFirst('client_version_norm'),
    hassh: keepFirst('hassh'),
    event_count: add('event_count'),
    login_attempts: add('login_attempts'),
    login_success: add('login_success'),
    command_count: add('command_count'),
    download_count: add('download_count'),
    upload_count: add('upload_count'),
    tcpip_count: add('tcpip_count'),
    ssh_key_count: add('ssh_key_count'),
    risk_score: sql`case when excluded.risk_score > sessions.risk_score then excluded.risk_score else sessions.risk_score end`,
    updated_at: sql`excluded.updated_at`,
  });
}
