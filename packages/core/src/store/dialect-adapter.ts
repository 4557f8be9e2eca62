import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Column types a dialect uses for our logical types (capabilities, not scattered `if`s). */
export interface ColumnTypes {
  /** Surrogate key type (an identity column on PostgreSQL, the rowid alias on SQLite). */
  id: 'integer' | 'bigint';
  int8: 'integer' | 'bigint';
  json: 'text' | 'json' | 'jsonb';
  bytes: 'blob' | 'bytea';
}

/**
 * What differs between SQLite and PostgreSQL, in one place. Everything else (queries, writers,
 * migrations) is written once against Kysely and asks the adapter when it must.
 */
export interface DialectAdapter {
  readonly name: 'sqlite' | 'postgres';
  readonly types: ColumnTypes;
  /** Records per load transaction when the caller does not choose (what this dialect is fastest with). */
  readonly defaultBatchSize: number;
  /** Most bind parameters one statement may carry (SQLite 32766, PostgreSQL 65535). */
  readonly maxBindParameters: number;
  /** True when JSON columns come back already parsed (pg parses JSONB). */
  readonly jsonParsedOnRead: boolean;
  /** Namespace our tables live in (`cowrie` schema on PostgreSQL); `null` on SQLite (own file). */
  readonly namespace: string | null;
  /**
   * Collation that orders text byte-wise (by code point), named in `collate "…"` where a query
   * must not depend on the database's default collation; `null` when the default already is
   * byte-wise (SQLite's BINARY).
   */
  readonly binaryCollation: string | null;
  /** Statement that opens a write transaction taking the write lock at once. */
  readonly beginWrite: string;
  /** Runs inside a migration transaction before anything else: serialises concurrent migrators. */
  lockForMigration(db: Kysely<Database>): Promise<void>;
  /** Whether one of our tables exists. */
  tableExists(db: Kysely<Database>, table: string): Promise<boolean>;
  /** Names of tables in our namespace (to tell an empty database from a foreign one). */
  listTables(db: Kysely<Database>): Promise<string[]>;
  /** Names of indexes in our namespace (migrations verify what they created or dropped). */
  listIndexes(db: Kysely<Database>): Promise<string[]>;
}
