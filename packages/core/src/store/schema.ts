import type { ColumnType, Generated } from 'kysely';
import type { EnrichmentTables } from './schema-enrichment.js';
import type { DetectionTables } from './schema-detection.js';

/**
 * Kysely table types of our schema (version {@link CURRENT_SCHEMA_VERSION}).
 *
 * Conventions that hold on both dialects alike, so that queries need no dialect checks:
 * - timestamps are ISO-8601 UTC text with 6 fractional digits (`2018-05-06T17:44:05.866769Z`):
 *   they sort and compare as strings, and keep Cowrie's microseconds;
 * - booleans are integers 0/1;
 * - JSON is written as text (SQLite TEXT, PostgreSQL JSONB) and read back by the query layer;
 * - the original bytes of a record are kept in `raw` (BLOB / BYTEA) wherever its text had to change.
 */
export interface Database extends EnrichmentTables, DetectionTables {
  schema_meta: SchemaMetaTable;
  sources: SourcesTable;
  raw_events: RawEventsTable;
  sessions: SessionsTable;
  commands: CommandsTable;
  auth_attempts: AuthAttemptsTable;
  downloads: DownloadsTable;
  ssh_keys: SshKeysTable;
  tcp_forwards: TcpForwardsTable;
  dead_letters: DeadLettersTable;
  ingest_cursors: IngestCursorsTable;
  loads: LoadsTable;
}

/** Current schema version, written by {@link runMigrations}. */
export const CURRENT_SCHEMA_VERSION = 5;

/** A JSON column: written as JSON text, read back as text (SQLite) or parsed (PostgreSQL). */
export type Json = ColumnType<unknown, string, string>;
/** PostgreSQL returns int8 as string; we always read through `Number()`. */
export type Int8 = ColumnType<number | string, number, number>;

export interface SchemaMetaTable {
  key: string;
  value: string;
}

/** A file (or stdin) read by a load: the positional identity of its records. */
export interface SourcesTable {
  id: Generated<Int8>;
  /** The path as given (or `stdin:<loadId>`). */
  source: string;
  source_path: string | null;
  inode: string | null;
  generation: number;
  compression: string;
  load_id: string;
  created_at: string;
}

export interface RawEventsTable {
  id: Generated<Int8>;
  /** First 16 bytes of the SHA-256 of the record's trimmed bytes: the duplicate identity. */
  content_hash: Buffer;
  /** The eventid in its current form (legacy ids mapped; the payload keeps the original). */
  eventid: string;
  ts: string | null;
  /** `''` when the event had no sensor and none was given (as in sessions and derived tables). */
  sensor: string;
  session: string | null;
  src_ip: string | null;
  payload: Json;
  /** Original bytes, only when the text form was altered (invalid UTF-8, NUL, lone surrogate). */
  raw: Buffer | null;
  source_id: Int8;
  line: number;
  byte_offset: Int8;
}

export interface SessionsTable {
  /** `''` when the events carried no sensor and none was given. */
  sensor: string;
  session: string;
  src_ip: string | null;
  src_port: number | null;
  dst_ip: string | null;
  dst_port: number | null;
  protocol: string | null;
  first_ts: string | null;
  last_ts: string | null;
  duration_ms: number | null;
  /** 1 once a `session.connect` was seen (its address fields then win). */
  connect_seen: number;
  closed: number;
  client_version: string | null;
  client_version_norm: string | null;
  hassh: string | null;
  event_count: number;
  login_attempts: number;
  login_success: number;
  command_count: number;
  download_count: number;
  upload_count: number;
  tcpip_count: number;
  ssh_key_count: number;
  risk_score: number;
  updated_at: string;
}

interface EventRef {
  id: Generated<Int8>;
  event_id: Int8;
  sensor: string;
  session: string | null;
  ts: string | null;
  src_ip: string | null;
}

export interface CommandsTable extends EventRef {
  eventid: string;
  /** As typed by the attacker: never rewritten. */
  input: string;
  normalized: string;
  defanged: string;
  risk_level: string;
  risk_score: number;
}

export interface AuthAttemptsTable extends EventRef {
  username: string | null;
  password: string | null;
  success: number;
  fingerprint: string | null;
  key_type: string | null;
}

export interface DownloadsTable extends EventRef {
  eventid: string;
  direction: string;
  failed: number;
  url: string | null;
  shasum: string | null;
  outfile: string | null;
  destfile: string | null;
  filename: string | null;
}

export interface SshKeysTable extends EventRef {
  key_type: string;
  key_data: string;
  comment: string | null;
  fingerprint_sha256: string;
  fingerprint_md5: string;
  bits: number | null;
}

export interface TcpForwardsTable extends EventRef {
  eventid: string;
  target_host: string | null;
  target_port: number | null;
  orig_ip: string | null;
  orig_port: number | null;
}

export interface DeadLettersTable {
  id: Generated<Int8>;
  content_hash: Buffer;
  reason: string;
  message: string;
  field: string | null;
  source_id: Int8;
  line: number;
  byte_offset: Int8;
  length: Int8;
  raw: Buffer;
  created_at: string;
}

/** Where a delta load stopped in one file content stream. */
export interface IngestCursorsTable {
  id: Generated<Int8>;
  /** Path the stream was last seen at (it changes when Cowrie rotates the file). */
  source_path: string;
  inode: string;
  /** First 16 bytes of the SHA-256 of the stream's first line (decompressed). */
  first_line_hash: Buffer;
  generation: number;
  compression: string;
  /** Decompressed bytes consumed: the next run starts here. */
  byte_offset: Int8;
  /** Lines consumed (the next record's line number is `line + 1`). */
  line: Int8;
  /** Size on disk when last read. */
  file_size: Int8;
  /** 1 when the stream cannot grow any more (compressed or rotated away) and was read to its end. */
  complete: number;
  updated_at: string;
}

export interface LoadsTable {
  id: string;
  kind: string;
  started_at: string;
  finished_at: string | null;
  stats: Json | null;
}
