import { sql, type Kysely } from 'kysely';
import type { DialectAdapter } from '../../dialect-adapter.js';
import type { Database } from '../../schema.js';

/** SQLite (better-sqlite3): one file is our namespace; `BEGIN IMMEDIATE` serialises writers. */
export const sqliteAdapter: DialectAdapter = {
  name: 'sqlite',
  types: { id: 'integer', int8: 'integer', json: 'text', bytes: 'blob' },
  // One commit per 10k records: commits (WAL append + occasional checkpoint) dominate below that.
  defaultBatchSize: 10_000,
  maxBindParameters: 32_766,
  jsonParsedOnRead: false,
  namespace: null,
  // Our columns use SQLite's default BINARY collation: memcmp of UTF-8, i.e. byte order.
  binaryCollation: null,
  beginWrite: 'BEGIN IMMEDIATE',
  // BEGIN IMMEDIATE already holds the write lock: nothing more to take.
  async lockForMigration() {},
  async tableExists(db: Kysely<Database>, table: string) {
    const r = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${table}`.execute(db);
    return Number(r.rows[0]?.n ?? 0) > 0;
  },
  async listTables(db: Kysely<Database>) {
    const r = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
    return r.rows.map((x) => x.name);
  },
  async listIndexes(db: Kysely<Database>) {
    const r = await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(db);
    return r.rows.map((x) => x.name);
  },
};
