/**
 * Writes a database with the predecessor's schema (the tables `import predecessor` reads, DDL as
 * in predecessor-details §4.2) from a Cowrie log, storing payloads the way its loader did:
 * Python `json.dumps` spacing, and command events neutralised (`input` replaced, the original
 * kept in `input_original` / `command_original`, analysis keys added).
 */
import Database from 'better-sqlite3';
import { readFileSync, statSync } from 'node:fs';
import pg from 'pg';
import { TEST_PG_URL } from '../support/dialects.js';

const DDL = [
  `CREATE TABLE schema_state (key VARCHAR(128) NOT NULL PRIMARY KEY, value VARCHAR(256) NOT NULL)`,
  `CREATE TABLE raw_events (id %ID%, ingest_id VARCHAR(64), ingest_at %TS% NOT NULL DEFAULT CURRENT_TIMESTAMP, source VARCHAR(512) NOT NULL,
    source_offset BIGINT, source_inode VARCHAR(128), source_generation INTEGER NOT NULL DEFAULT 0, payload JSON NOT NULL,
    payload_hash VARCHAR(64), risk_score INTEGER, quarantined BOOLEAN NOT NULL DEFAULT %FALSE%, session_id VARCHAR(64), event_type VARCHAR(128),
    event_timestamp %TS%, CONSTRAINT uq_raw_events_source_offset UNIQUE (source, source_inode, source_generation, source_offset))`,
  `CREATE TABLE enrichment_cache (id %ID%, service VARCHAR(64) NOT NULL, cache_key VARCHAR(256) NOT NULL, cache_value JSON NOT NULL,
    created_at %TS% NOT NULL DEFAULT CURRENT_TIMESTAMP, expires_at %TS% NOT NULL, CONSTRAINT uq_enrichment_cache_service_key UNIQUE (service, cache_key))`,
  `CREATE TABLE password_tracking (id %ID%, password_hash VARCHAR(64) NOT NULL UNIQUE, password_text TEXT NOT NULL, breached BOOLEAN NOT NULL DEFAULT %FALSE%,
    breach_prevalence INTEGER, last_hibp_check %TS%, first_seen %TS% NOT NULL DEFAULT CURRENT_TIMESTAMP, last_seen %TS% NOT NULL DEFAULT CURRENT_TIMESTAMP,
    times_seen INTEGER NOT NULL DEFAULT 1, unique_sessions INTEGER NOT NULL DEFAULT 1, created_at %TS% NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at %TS% NOT NULL DEFAULT CURRENT_TIMESTAMP)`,
];

/** Python's `json.dumps` default separators. */
function pyDumps(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(pyDumps).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${pyDumps(x)}`).join(', ')}}`;
  return JSON.stringify(v);
}

/** What the predecessor stored for one log line (its `_neutralize_payload` for risky commands). */
export function storedPayload(line: string): { text: string; neutralised: boolean } {
  const e = JSON.parse(line) as Record<string, unknown>;
  const input = e['input'];
  if (typeof input === 'string' && /wget|curl|chmod|\|/.test(input)) {
    const safe = `[defanged] ${input.replace(/https?:\/\//g, 'hxxp://')}`;
    Object.assign(e, {
      input: safe, command: safe, input_safe: safe, command_safe: safe, input_original: input, command_original: input,
      input_hash: 'b'.repeat(64), command_analysis: { risk_level: 'dangerous', command_type: 'download', needs_defanging: true, defanging_strategy: 'aggressive' },
    });
    return { text: pyDumps(e), neutralised: true };
  }
  return { text: pyDumps(e), neutralised: false };
}

export interface PredecessorFixture {
  from: string;
  lines: number;
  neutralised: number;
  drop(): Promise<void>;
}

/** Write a predecessor database for `logFile` on the given dialect. */
export async function writePredecessorDb(dialect: 'sqlite' | 'postgres', logFile: string, sqlitePath: string): Promise<PredecessorFixture> {
  const inode = String(statSync(logFile).ino);
  const rows: Array<[string, number, string, string]> = [];
  let neutralised = 0;
  readFileSync(logFile, 'utf8').split('\n').forEach((l, i) => {
    if (!l.trim()) return;
    const p = storedPayload(l);
    if (p.neutralised) neutralised++;
    rows.push([logFile, i, inode, p.text]);
  });
  const enrichment: Array<[string, string, string, string, string]> = [
    ['dshield', '203.0.113.9', pyDumps({ ip: { number: '203.0.113.9', count: 12, attacks: 3, ascountry: 'NL', as: 64500, asname: 'EXAMPLE-AS' } }), '2026-01-02 03:04:05.123456', '2099-01-01 00:00:00'],
    ['cymru', '203.0.113.9', pyDumps({ ip_address: '203.0.113.9', asn: 64500 }), '2026-01-02 03:04:05', '2099-01-01 00:00:00'],
    ['hibp', '5BAA6', '{}', '2026-01-02 03:04:05', '2099-01-01 00:00:00'],
  ];
  const passwords: Array<[string, string, number, number | null, string | null]> = [
    ['h1', 'password', 1, 9545824, '2026-01-02 03:04:05'],
    ['h2', 'never-checked', 0, null, null],
  ];
  if (dialect === 'sqlite') {
    const db = new Database(sqlitePath);
    for (const s of DDL) db.exec(s.replaceAll('%ID%', 'INTEGER NOT NULL PRIMARY KEY').replaceAll('%TS%', 'DATETIME').replaceAll('%FALSE%', '0'));
    db.prepare(`insert into schema_state values ('schema_version', '17')`).run();
    const ins = db.prepare('insert into raw_events (source, source_offset, source_inode, payload) values (?, ?, ?, ?)');
    db.transaction(() => rows.forEach((r) => ins.run(...r)))();
    const ie = db.prepare('insert into enrichment_cache (service, cache_key, cache_value, created_at, expires_at) values (?, ?, ?, ?, ?)');
    enrichment.forEach((r) => ie.run(...r));
    const ip = db.prepare('insert into password_tracking (password_hash, password_text, breached, breach_prevalence, last_hibp_check) values (?, ?, ?, ?, ?)');
    passwords.forEach((r) => ip.run(...r));
    db.close();
    return { from: sqlitePath, lines: rows.length, neutralised, drop: async () => undefined };
  }
  const schema = `pred_${Math.random().toString(16).slice(2, 10)}`;
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  try {
    await c.query(`create schema ${schema}; set search_path = ${schema}`);
    for (const s of DDL) await c.query(s.replaceAll('%ID%', 'SERIAL PRIMARY KEY').replaceAll('%TS%', 'TIMESTAMP WITH TIME ZONE').replaceAll('%FALSE%', 'false'));
    await c.query(`insert into schema_state values ('schema_version', '17')`);
    for (let i = 0; i < rows.length; i += 1000) {
      const part = rows.slice(i, i + 1000);
      await c.query(`insert into raw_events (source, source_offset, source_inode, payload) select * from unnest($1::text[], $2::bigint[], $3::text[], $4::json[])`,
        [part.map((r) => r[0]), part.map((r) => r[1]), part.map((r) => r[2]), part.map((r) => r[3])]);
    }
    for (const r of enrichment) await c.query('insert into enrichment_cache (service, cache_key, cache_value, created_at, expires_at) values ($1, $2, $3, ($4 || \'+00\')::timestamptz, ($5 || \'+00\')::timestamptz)', r);
    for (const r of passwords) await c.query('insert into password_tracking (password_hash, password_text, breached, breach_prevalence, last_hibp_check) values ($1, $2, $3::int::boolean, $4, $5::timestamptz)', r);
  } finally {
    await c.end();
  }
  const sep = TEST_PG_URL.includes('?') ? '&' : '?';
  return {
    from: `${TEST_PG_URL}${sep}schema=${schema}`, lines: rows.length, neutralised,
    drop: async () => {
      const d = new pg.Client({ connectionString: TEST_PG_URL });
      await d.connect();
      await d.query(`drop schema if exists ${schema} cascade`);
      await d.end();
    },
  };
}
