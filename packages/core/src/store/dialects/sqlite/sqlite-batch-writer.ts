import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { emptySessionDelta } from '../../writer/session-delta.js';
import { nowIso } from '../../../util/now-iso.js';
import type { Database } from '../../schema.js';
import type { BatchOutcome } from '../../writer/batch-types.js';
import type { Batch, BatchWriter } from '../../writer/batch-writer.js';
import { cursorUpsert } from '../../writer/cursor-upsert.js';
import { batchOutcome, freshRows } from '../../writer/fresh-rows.js';
import { sessionRow } from '../../writer/session-row.js';
import { sessionUpsert } from '../../writer/upsert-sessions.js';
import { startBackgroundCheckpoints, type BackgroundCheckpoints } from './background-checkpoints.js';

const DERIVED = {
  commands: ['event_id', 'sensor', 'session', 'ts', 'src_ip', 'eventid', 'input', 'normalized', 'defanged', 'risk_level', 'risk_score'],
  auth_attempts: ['event_id', 'sensor', 'session', 'ts', 'src_ip', 'username', 'password', 'success', 'fingerprint', 'key_type'],
  downloads: ['event_id', 'sensor', 'session', 'ts', 'src_ip', 'eventid', 'direction', 'failed', 'url', 'shasum', 'outfile', 'destfile', 'filename'],
  ssh_keys: ['event_id', 'sensor', 'session', 'ts', 'src_ip', 'key_type', 'key_data', 'comment', 'fingerprint_sha256', 'fingerprint_md5', 'bits'],
  tcp_forwards: ['event_id', 'sensor', 'session', 'ts', 'src_ip', 'eventid', 'target_host', 'target_port', 'orig_ip', 'orig_port'],
} as const;
const EVENT_COLS = ['content_hash', 'eventid', 'ts', 'sensor', 'session', 'src_ip', 'payload', 'raw', 'source_id', 'line', 'byte_offset'] as const;
const DEAD_COLS = ['content_hash', 'reason', 'message', 'field', 'source_id', 'line', 'byte_offset', 'length', 'raw', 'created_at'] as const;

type Row = Record<string, unknown>;

// A one-row statement compiled by Kysely (so the SQL, merge rules included, is written once for
// both dialects) and prepared once by better-sqlite3; rows are bound in `cols` order.
function prepare(conn: BetterSqlite3.Database, compiled: { sql: string }, cols: readonly string[]) {
  const stmt = conn.prepare(compiled.sql);
  // One argument array reused for every row: this runs once per stored row.
  const args = new Array<unknown>(cols.length);
  return (row: Row) => {
    for (let i = 0; i < cols.length; i++) args[i] = row[cols[i]!] ?? null;
    return stmt.run(...args);
  };
}

function sample(cols: readonly string[]): Row {
  return Object.fromEntries(cols.map((c) => [c, null]));
}

/**
 * SQLite writer: one `BEGIN IMMEDIATE` transaction per batch, prepared single-row statements
 * (better-sqlite3 runs them synchronously, far faster than rebuilding multi-row SQL per batch),
 * and the content-hash conflict answered per row by `changes`.
 */
export function createSqliteBatchWriter(db: Kysely<Database>, conn: BetterSqlite3.Database, path: string | null = null): BatchWriter {
  const insEvent = prepare(conn, db.insertInto('raw_events').values(sample(EVENT_COLS) as never).onConflict((oc) => oc.doNothing()).compile(), EVENT_COLS);
  const insDead = prepare(conn, db.insertInto('dead_letters').values(sample(DEAD_COLS) as never).onConflict((oc) => oc.column('content_hash').doNothing()).compile(), DEAD_COLS);
  const derived = Object.fromEntries(
    Object.entries(DERIVED).map(([t, cols]) => [t, prepare(conn, db.insertInto(t as 'commands').values(sample(cols) as never).compile(), cols)]),
  ) as Record<keyof typeof DERIVED, (r: Row) => unknown>;
  const sessionCols = Object.keys(sessionRow(emptySessionDelta('', ''), ''));
  const upSession = prepare(conn, sessionUpsert(db, [sample(sessionCols) as never]).compile(), sessionCols);
  const cursorCols = ['source_path', 'inode', 'first_line_hash', 'generation', 'compression', 'byte_offset', 'line', 'file_size', 'complete', 'updated_at'];
  const upCursor = prepare(conn, cursorUpsert(db, sample(cursorCols) as never).compile(), cursorCols);

  const run = conn.transaction((batch: Batch): BatchOutcome => {
    const fresh = [];
    for (const ev of batch.events) {
      const r = insEvent(ev.row as Row);
      if (r.changes === 1) fresh.push({ ev, id: Number(r.lastInsertRowid) });
    }
    const deadHashes = new Set<string>();
    for (const d of batch.deadLetters) if (insDead(d as Row).changes === 1) deadHashes.add(d.content_hash.toString('hex'));
    const rows = freshRows(fresh);
    for (const r of rows.commands) derived.commands(r);
    for (const r of rows.auth) derived.auth_attempts(r);
    for (const r of rows.downloads) derived.downloads(r);
    for (const r of rows.sshKeys) derived.ssh_keys(r);
    for (const r of rows.forwards) derived.tcp_forwards(r);
    const now = nowIso();
    for (const d of rows.sessions) upSession(sessionRow(d, now));
    if (batch.cursor) upCursor(batch.cursor as Row);
    return batchOutcome(batch, fresh.length, deadHashes, rows.sessions);
  });
  // Loads running on this connection at once share one checkpointer (a file database only).
  let runs = 0;
  let checkpoints: BackgroundCheckpoints | null = null;
  return {
    write: async (batch) => run.immediate(batch),
    startRun: () => {
      if (path === null) return async () => undefined;
      if (runs++ === 0) checkpoints = startBackgroundCheckpoints(conn, path);
      let ended = false;
      return async () => {
        if (ended) return;
        ended = true;
        if (--runs === 0) {
          const bg = checkpoints;
          checkpoints = null;
          await bg?.stop();
        }
      };
    },
  };
}

