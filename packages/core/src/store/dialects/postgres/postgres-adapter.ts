import { sql, type Kysely } from 'kysely';
import type { DialectAdapter } from '../../dialect-adapter.js';
import type { Database } from '../../schema.js';

/** PostgreSQL adapter for tables living in `namespace` (a schema; `search_path` points at it). */
export function postgresAdapter(namespace: string): DialectAdapter {
  return {
    name: 'postgres',
    // `json` (not `jsonb`) keeps the record's text exactly as read, so the payload stays the
    // original bytes, and it is cheaper to ingest; queries read typed columns, not the payload.
    types: { id: 'bigint', int8: 'bigint', json: 'json', bytes: 'bytea' },
    defaultBatchSize: 5_000,
    maxBindParameters: 65_535,
    jsonParsedOnRead: true,
    namespace,
    // A database created with en_US.UTF-8 (or any linguistic collation) sorts `_x` < `a` < `B`.
    binaryCollation: 'C',
    beginWrite: 'BEGIN',
    async lockForMigration(db: Kysely<Database>) {
      // Transaction-scoped, so a killed migrator can never leave the lock behind.
      await sql`select pg_advisory_xact_lock(hashtext(${'cowrieprocessor:migrate:' + namespace}))`.execute(db);
      await sql`create schema if not exists ${sql.id(namespace)}`.execute(db);
    },
    async tableExists(db: Kysely<Database>, table: string) {
      const r = await sql<{ n: string }>`select count(*) as n from information_schema.tables where table_schema = ${namespace} and table_name = ${table}`.execute(db);
      return Number(r.rows[0]?.n ?? 0) > 0;
    },
    async listTables(db: Kysely<Database>) {
      const r = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = ${namespace}`.execute(db);
      return r.rows.map((x) => x.table_name);
    },
    async listIndexes(db: Kysely<Database>) {
      const r = await sql<{ indexname: string }>`select indexname from pg_indexes where schemaname = ${namespace}`.execute(db);
      return r.rows.map((x) => x.indexname);
    },
  };
}
