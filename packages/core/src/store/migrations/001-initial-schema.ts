import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Migration } from './migration.js';
import { verifyColumns } from './verify-columns.js';

// Columns every table derived from one event carries, so per-session and per-window queries
// never need to join raw_events.
function eventRef(t: CreateTableBuilder<string, never>, d: DialectAdapter) {
  return t
    .addColumn('id', d.types.id, (c) => c.primaryKey().$call((c2) => (d.name === 'postgres' ? c2.generatedByDefaultAsIdentity() : c2)))
    .addColumn('event_id', d.types.int8, (c) => c.notNull())
    .addColumn('sensor', 'text', (c) => c.notNull())
    .addColumn('session', 'text')
    .addColumn('ts', 'text')
    .addColumn('src_ip', 'text');
}

function idColumn<T extends string>(t: CreateTableBuilder<T, never>, d: DialectAdapter) {
  return t.addColumn('id', d.types.id, (c) => c.primaryKey().$call((c2) => (d.name === 'postgres' ? c2.generatedByDefaultAsIdentity() : c2)));
}

const TABLES = {
  schema_meta: ['key', 'value'],
  sources: ['id', 'source', 'source_path', 'inode', 'generation', 'compression', 'load_id', 'created_at'],
  raw_events: ['id', 'content_hash', 'eventid', 'ts', 'sensor', 'session', 'src_ip', 'payload', 'raw', 'source_id', 'line', 'byte_offset'],
  sessions: ['sensor', 'session', 'src_ip', 'src_port', 'dst_ip', 'dst_port', 'protocol', 'first_ts', 'last_ts', 'duration_ms', 'connect_seen', 'closed', 'client_version', 'client_version_norm', 'hassh', 'event_count', 'login_attempts', 'login_success', 'command_count', 'download_count', 'upload_count', 'tcpip_count', 'ssh_key_count', 'risk_score', 'updated_at'],
  commands: ['id', 'event_id', 'sensor', 'session', 'ts', 'src_ip', 'eventid', 'input', 'normalized', 'defanged', 'risk_level', 'risk_score'],
  auth_attempts: ['id', 'event_id', 'sensor', 'session', 'ts', 'src_ip', 'username', 'password', 'success', 'fingerprint', 'key_type'],
  downloads: ['id', 'event_id', 'sensor', 'session', 'ts', 'src_ip', 'eventid', 'direction', 'failed', 'url', 'shasum', 'outfile', 'destfile', 'filename'],
  ssh_keys: ['id', 'event_id', 'sensor', 'session', 'ts', 'src_ip', 'key_type', 'key_data', 'comment', 'fingerprint_sha256', 'fingerprint_md5', 'bits'],
  tcp_forwards: ['id', 'event_id', 'sensor', 'session', 'ts', 'src_ip', 'eventid', 'target_host', 'target_port', 'orig_ip', 'orig_port'],
  dead_letters: ['id', 'content_hash', 'reason', 'message', 'field', 'source_id', 'line', 'byte_offset', 'length', 'raw', 'created_at'],
  ingest_cursors: ['id', 'source_path', 'inode', 'first_line_hash', 'generation', 'compression', 'byte_offset', 'line', 'file_size', 'complete', 'updated_at'],
  loads: ['id', 'kind', 'started_at', 'finished_at', 'stats'],
} as const;

/** The first schema: every table of the foundation. */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial-schema',
  async up(db: Kysely<any>, d: DialectAdapter) {
    const s = db.schema;
    await s.createTable('schema_meta').ifNotExists()
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    // One row per file read by a load: events and dead letters point at it, so the positional
    // identity (source, path, inode, generation, line, byte offset) costs one integer per event.
    await idColumn(s.createTable('sources'), d)
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('source_path', 'text')
      .addColumn('inode', 'text')
      .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('compression', 'text', (c) => c.notNull())
      .addColumn('load_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('sources_path_idx').on('sources').column('source_path').execute();

    // The hot table: every column and index here is paid for on each of millions of inserts.
    await idColumn(s.createTable('raw_events'), d)
      .addColumn('content_hash', d.types.bytes, (c) => c.notNull())
      .addColumn('eventid', 'text', (c) => c.notNull())
      .addColumn('ts', 'text')
      .addColumn('sensor', 'text', (c) => c.notNull())
      .addColumn('session', 'text')
      .addColumn('src_ip', 'text')
      .addColumn('payload', d.types.json, (c) => c.notNull())
      .addColumn('raw', d.types.bytes)
      .addColumn('source_id', d.types.int8, (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('byte_offset', d.types.int8, (c) => c.notNull())
      .execute();
    await s.createIndex('raw_events_content_hash_uq').on('raw_events').column('content_hash').unique().execute();
    // A session's events are found through its time span (sessions.first_ts/last_ts) on this
    // index; a (sensor, session) index would cost a random B-tree insert per event.
    await s.createIndex('raw_events_ts_idx').on('raw_events').column('ts').execute();
    await s.createIndex('raw_events_untimed_idx').on('raw_events').columns(['sensor', 'session']).where(sql.ref('ts'), 'is', null).execute();

    await s.createTable('sessions')
      .addColumn('sensor', 'text', (c) => c.notNull())
      .addColumn('session', 'text', (c) => c.notNull())
      .addColumn('src_ip', 'text')
      .addColumn('src_port', 'integer')
      .addColumn('dst_ip', 'text')
      .addColumn('dst_port', 'integer')
      .addColumn('protocol', 'text')
      .addColumn('first_ts', 'text')
      .addColumn('last_ts', 'text')
      .addColumn('duration_ms', d.types.int8)
      .addColumn('connect_seen', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('client_version', 'text')
      .addColumn('client_version_norm', 'text')
      .addColumn('hassh', 'text')
      .$call((t) => ['event_count', 'login_attempts', 'login_success', 'command_count', 'download_count', 'upload_count', 'tcpip_count', 'ssh_key_count', 'risk_score']
        .reduce((acc, col) => acc.addColumn(col, 'integer', (c) => c.notNull().defaultTo(0)), t))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sessions_pk', ['sensor', 'session'])
      .execute();
    await s.createIndex('sessions_first_ts_idx').on('sessions').column('first_ts').execute();
    await s.createIndex('sessions_src_ip_idx').on('sessions').columns(['src_ip', 'first_ts']).execute();
    await s.createIndex('sessions_sensor_first_ts_idx').on('sessions').columns(['sensor', 'first_ts']).execute();
    await s.createIndex('sessions_session_idx').on('sessions').column('session').execute();
    await s.createIndex('sessions_hassh_idx').on('sessions').column('hassh').execute();

    await eventRef(s.createTable('commands'), d)
      .addColumn('eventid', 'text', (c) => c.notNull())
      .addColumn('input', 'text', (c) => c.notNull())
      .addColumn('normalized', 'text', (c) => c.notNull())
      .addColumn('defanged', 'text', (c) => c.notNull())
      .addColumn('risk_level', 'text', (c) => c.notNull())
      .addColumn('risk_score', 'integer', (c) => c.notNull())
      .execute();
    await eventRef(s.createTable('auth_attempts'), d)
      .addColumn('username', 'text')
      .addColumn('password', 'text')
      .addColumn('success', 'integer', (c) => c.notNull())
      .addColumn('fingerprint', 'text')
      .addColumn('key_type', 'text')
      .execute();
    await eventRef(s.createTable('downloads'), d)
      .addColumn('eventid', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('failed', 'integer', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('shasum', 'text')
      .addColumn('outfile', 'text')
      .addColumn('destfile', 'text')
      .addColumn('filename', 'text')
      .execute();
    await eventRef(s.createTable('ssh_keys'), d)
      .addColumn('key_type', 'text', (c) => c.notNull())
      .addColumn('key_data', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('fingerprint_sha256', 'text', (c) => c.notNull())
      .addColumn('fingerprint_md5', 'text', (c) => c.notNull())
      .addColumn('bits', 'integer')
      .execute();
    await eventRef(s.createTable('tcp_forwards'), d)
      .addColumn('eventid', 'text', (c) => c.notNull())
      .addColumn('target_host', 'text')
      .addColumn('target_port', 'integer')
      .addColumn('orig_ip', 'text')
      .addColumn('orig_port', 'integer')
      .execute();
    for (const t of ['commands', 'auth_attempts', 'downloads', 'tcp_forwards'] as const) {
      await s.createIndex(`${t}_event_uq`).on(t).column('event_id').unique().execute();
      await s.createIndex(`${t}_session_idx`).on(t).columns(['sensor', 'session']).execute();
      await s.createIndex(`${t}_ts_idx`).on(t).column('ts').execute();
    }
    await s.createIndex('ssh_keys_event_uq').on('ssh_keys').columns(['event_id', 'fingerprint_sha256']).unique().execute();
    await s.createIndex('ssh_keys_fingerprint_idx').on('ssh_keys').column('fingerprint_sha256').execute();
    await s.createIndex('ssh_keys_session_idx').on('ssh_keys').columns(['sensor', 'session']).execute();
    await s.createIndex('auth_attempts_username_idx').on('auth_attempts').column('username').execute();
    await s.createIndex('downloads_shasum_idx').on('downloads').column('shasum').execute();

    await idColumn(s.createTable('dead_letters'), d)
      .addColumn('content_hash', d.types.bytes, (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('field', 'text')
      .addColumn('source_id', d.types.int8, (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('byte_offset', d.types.int8, (c) => c.notNull())
      .addColumn('length', d.types.int8, (c) => c.notNull())
      .addColumn('raw', d.types.bytes, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('dead_letters_content_hash_uq').on('dead_letters').column('content_hash').unique().execute();
    await s.createIndex('dead_letters_source_idx').on('dead_letters').columns(['source_id', 'line']).execute();
    await s.createIndex('dead_letters_reason_idx').on('dead_letters').column('reason').execute();

    // One cursor per file *content stream*, identified by (inode, hash of its first line): a
    // rename (rotation) keeps the stream, a truncation or rewrite starts a new one.
    await idColumn(s.createTable('ingest_cursors'), d)
      .addColumn('source_path', 'text', (c) => c.notNull())
      .addColumn('inode', 'text', (c) => c.notNull())
      .addColumn('first_line_hash', d.types.bytes, (c) => c.notNull())
      .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('compression', 'text', (c) => c.notNull())
      .addColumn('byte_offset', d.types.int8, (c) => c.notNull())
      .addColumn('line', d.types.int8, (c) => c.notNull())
      .addColumn('file_size', d.types.int8, (c) => c.notNull())
      .addColumn('complete', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('ingest_cursors_identity_uq').on('ingest_cursors').columns(['inode', 'first_line_hash']).unique().execute();
    await s.createIndex('ingest_cursors_path_idx').on('ingest_cursors').column('source_path').execute();
    await s.createTable('loads')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('stats', d.types.json)
      .execute();
  },
  async verify(db: Kysely<any>) {
    await verifyColumns(db, TABLES);
  },
};
