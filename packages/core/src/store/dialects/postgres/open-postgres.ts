import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database as Schema } from '../../schema.js';
import type { BatchWriter } from '../../writer/batch-writer.js';
import { createPostgresBatchWriter } from './postgres-batch-writer.js';

/**
 * Open a PostgreSQL pool whose `search_path` is our namespace only, so that our unqualified
 * table names can never touch a predecessor's tables of the same name in `public`.
 */
export function openPostgres(url: string, schema: string, opts: { max?: number } = {}): { db: Kysely<Schema>; pool: pg.Pool; close: () => Promise<void>; createWriter: () => BatchWriter } {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 4,
    application_name: 'cowrieprocessor',
    options: `-c search_path=${schema}`,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    createWriter: () => createPostgresBatchWriter(db, pool, schema, 65_535),
    pool,
    close: async () => {
      await db.destroy();
    },
  };
}
