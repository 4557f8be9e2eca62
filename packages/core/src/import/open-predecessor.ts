import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { StoreError, UsageError } from '../errors/index.js';
import { redactUrl } from '../store/database-target.js';

/** A predecessor (Python cowrieprocessor) database opened read-only. */
export interface PredecessorDb {
  // The predecessor's schema is not ours: queries are written against its DDL (predecessor-details §4).
  readonly db: Kysely<any>;
  readonly dialect: 'sqlite' | 'postgres';
  readonly description: string;
  /** Which of the tables we import exist there. */
  readonly tables: ReadonlySet<string>;
  close(): Promise<void>;
}

const WANTED = ['raw_events', 'enrichment_cache', 'password_tracking', 'schema_state'];

/**
 * Open a predecessor database for reading: an SQLite path (`sqlite:` forms accepted) or a
 * PostgreSQL URL (`?schema=` picks its namespace, default `public`). We never write to it.
 *
 * @example
 * ```ts
 * const old = await openPredecessor('/var/lib/cowrieprocessor/cowrie.sqlite');
 * try { console.log([...old.tables]); } finally { await old.close(); }
 * ```
 */
export async function openPredecessor(from: string): Promise<PredecessorDb> {
  const isPg = /^postgres(ql)?:\/\//i.test(from);
  let db: Kysely<any>;
  let description: string;
  if (isPg) {
    const url = new URL(from);
    const schema = url.searchParams.get('schema') ?? 'public';
    url.searchParams.delete('schema');
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new UsageError('BAD_SCHEMA', `invalid schema name in --from: ${schema}`);
    const pool = new pg.Pool({ connectionString: url.toString(), max: 2, options: `-c search_path=${schema} -c default_transaction_read_only=on` });
    db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    description = `${redactUrl(url.toString())} (schema ${schema})`;
  } else {
    const path = from.replace(/^sqlite:(\/\/)?/, '');
    let conn: Database.Database;
    try {
      conn = new Database(path, { readonly: true, fileMustExist: true });
    } catch (err) {
      throw new UsageError('PREDECESSOR_NOT_FOUND', `cannot open predecessor database ${path}: ${(err as Error).message}`, {}, { cause: err });
    }
    db = new Kysely({ dialect: new SqliteDialect({ database: conn }) });
    description = path;
  }
  try {
    const rows = isPg
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
    const tables = new Set(rows.rows.map((r) => r.name).filter((n) => WANTED.includes(n)));
    if (!tables.has('raw_events')) {
      throw new UsageError('NOT_A_PREDECESSOR_DB', `${description} has no raw_events table: it is not a cowrieprocessor database`);
    }
    return { db, dialect: isPg ? 'postgres' : 'sqlite', description, tables, close: () => db.destroy() };
  } catch (err) {
    await db.destroy().catch(() => undefined);
    if (err instanceof UsageError) throw err;
    throw new StoreError('PREDECESSOR_OPEN_FAILED', `cannot read predecessor database ${description}: ${(err as Error).message}`, {}, { cause: err });
  }
}
