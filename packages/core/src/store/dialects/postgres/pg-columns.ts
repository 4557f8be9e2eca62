import type { UnnestColumns } from './unnest-rows.js';

// Column order and PostgreSQL types of every table the loader writes, for array-parameter inserts.
const REF = [['event_id', 'int8'], ['sensor', 'text'], ['session', 'text'], ['ts', 'text'], ['src_ip', 'text']] as const;

/** `raw_events` as the loader writes it (the id is generated). */
export const EVENT_COLUMNS: UnnestColumns = [
  ['content_hash', 'bytea'], ['eventid', 'text'], ['ts', 'text'], ['sensor', 'text'], ['session', 'text'], ['src_ip', 'text'],
  ['payload', 'json'], ['raw', 'bytea'], ['source_id', 'int8'], ['line', 'int4'], ['byte_offset', 'int8'],
];

/** The tables derived from one event, keyed as `freshRows` names them. */
export const DERIVED_COLUMNS = {
  commands: { table: 'commands', cols: [...REF, ['eventid', 'text'], ['input', 'text'], ['normalized', 'text'], ['defanged', 'text'], ['risk_level', 'text'], ['risk_score', 'int4']] },
  auth: { table: 'auth_attempts', cols: [...REF, ['username', 'text'], ['password', 'text'], ['success', 'int4'], ['fingerprint', 'text'], ['key_type', 'text']] },
  downloads: {
    table: 'downloads',
    cols: [...REF, ['eventid', 'text'], ['direction', 'text'], ['failed', 'int4'], ['url', 'text'], ['shasum', 'text'], ['outfile', 'text'], ['destfile', 'text'], ['filename', 'text']],
  },
  sshKeys: {
    table: 'ssh_keys',
    cols: [...REF, ['key_type', 'text'], ['key_data', 'text'], ['comment', 'text'], ['fingerprint_sha256', 'text'], ['fingerprint_md5', 'text'], ['bits', 'int4']],
  },
  forwards: { table: 'tcp_forwards', cols: [...REF, ['eventid', 'text'], ['target_host', 'text'], ['target_port', 'int4'], ['orig_ip', 'text'], ['orig_port', 'int4']] },
} as const satisfies Record<string, { table: string; cols: UnnestColumns }>;

/** `sessions` in the column order of `sessionRow`. */
export const SESSION_COLUMNS: UnnestColumns = [
  ['sensor', 'text'], ['session', 'text'], ['src_ip', 'text'], ['src_port', 'int4'], ['dst_ip', 'text'], ['dst_port', 'int4'],
  ['protocol', 'text'], ['first_ts', 'text'], ['last_ts', 'text'], ['duration_ms', 'int8'], ['connect_seen', 'int4'], ['closed', 'int4'],
  ['client_version', 'text'], ['client_version_norm', 'text'], ['hassh', 'text'],
  ...(['event_count', 'login_attempts', 'login_success', 'command_count', 'download_count', 'upload_count', 'tcpip_count', 'ssh_key_count', 'risk_score'] as const)
    .map((c) => [c, 'int4'] as const),
  ['updated_at', 'text'],
];
