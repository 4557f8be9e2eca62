import type { Kysely } from 'kysely';
import { SchemaVersionError, StoreError } from '../errors/index.js';
import { type DatabaseTarget, describeTarget, parseDatabaseTarget } from './database-target.js';
import type { DialectAdapter } from './dialect-adapter.js';
import type { BatchWriter } from './writer/batch-writer.js';
import { openPostgres } from './dialects/postgres/open-postgres.js';
import { postgresAdapter } from './dialects/postgres/postgres-adapter.js';
import { openSqlite } from './dialects/sqlite/open-sqlite.js';
import { sqliteAdapter } from './dialects/sqlite/sqlite-adapter.js';
import { readMinReaderVersion, readSchemaVersion, runMigrations, type MigrationResult } from './migrations/run-migrations.js';
import { CURRENT_SCHEMA_VERSION, type Database } from './schema.js';

/** An open database with our schema: the one handle every reader and writer shares. */
export interface CowrieStore {
  readonly db: Kysely<Database>;
  readonly dialect: DialectAdapter;
  readonly target: DatabaseTarget;
  /** Human description of the target (password redacted). */
  readonly description: string;
  /** Schema version found when opened (after creating an empty database). */
  readonly schemaVersion: number;
  /** Set when opening found an empty database and created the schema. */
  readonly created: MigrationResult | null;
  /** The dialect's batch writer (the loaders' write path). */
  readonly writer: BatchWriter;
  /** Apply pending migrations (what `cowrie db migrate` runs). */
  migrate(): Promise<MigrationResult>;
  close(): Promise<void>;
}

/** How the caller will use the store; decides what happens on other schema versions. */
export interface OpenStoreOptions {
  /**
   * `write` (loaders): the schema must be exactly current.
   * `read` (reports, API): a newer schema that only added tables/columns is accepted.
   * `migrate`: any older version is accepted (the caller migrates).
   */
  access?: 'write' | 'read' | 'migrate';
  /** Name of the command, for the "run cowrie db migrate" message. */
  command?: string;
  /** PostgreSQL namespace when the target does not name one. */
  schema?: string;
  /** Pool size on PostgreSQL. */
  poolSize?: number;
}

/**
 * Open a store from a `--db` value (or a parsed target). An empty database gets the current
 * schema at once; an existing one is only migrated by {@link CowrieStore.migrate}.
 *
 * @example
 * ```ts
 * const store = await openStore('postgres://postgres@127.0.0.1/test', { access: 'write', command: 'load bulk' });
 * try { ... } finally { await store.close(); }
 * ```
 */
export async function openStore(target: string | DatabaseTarget | undefined, opts: OpenStoreOptions = {}): Promise<CowrieStore> {
  const t = typeof target === 'object' && target ? target : parseDatabaseTarget(target, opts.schema);
  const dialect = t.kind === 'sqlite' ? sqliteAdapter : postgresAdapter(t.schema);
  const description = describeTarget(t);
  let opened;
  try {
    opened = t.kind === 'sqlite' ? openSqlite(t.path) : openPostgres(t.url, t.schema, { max: opts.poolSize });
  } catch (err) {
    throw new StoreError('DB_OPEN_FAILED', `cannot open ${description}: ${(err as Error).message}`, { dialect: dialect.name }, { cause: err });
  }
  const { db, close, createWriter } = opened;
  try {
    let created: MigrationResult | null = null;
    if (!(await dialect.tableExists(db, 'schema_meta'))) {
      const foreign = (await dialect.listTables(db)).filter((n) => n !== 'schema_meta');
      if (foreign.length > 0) {
        throw new StoreError('FOREIGN_DATABASE', `${description} holds tables that are not ours (${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', …' : ''}); use a new database file or another PostgreSQL schema`);
      }
      created = await runMigrations(db, dialect);
    }
    const version = await readSchemaVersion(db, dialect);
    checkVersion(version, opts, description);
    if (version > CURRENT_SCHEMA_VERSION && (await readMinReaderVersion(db)) > CURRENT_SCHEMA_VERSION) {
      throw new SchemaVersionError('SCHEMA_INCOMPATIBLE', `${description} has schema version ${version}, which this software (schema ${CURRENT_SCHEMA_VERSION}) cannot read; upgrade cowrieprocessor`);
    }
    let writer: BatchWriter | null = null;
    const store: CowrieStore = {
      get writer() {
        // Prepared lazily: statements can only be prepared once the schema exists.
        writer ??= createWriter();
        return writer;
      },
      db,
      dialect,
      target: t,
      description,
      schemaVersion: version,
      created,
      migrate: () => runMigrations(db, dialect),
      close,
    };
    return store;
  } catch (err) {
    await close().catch(() => undefined);
    if (err instanceof StoreError) throw err;
    throw new StoreError('DB_OPEN_FAILED', `cannot open ${description}: ${(err as Error).message}`, { dialect: dialect.name }, { cause: err });
  }
}

function checkVersion(version: number, opts: OpenStoreOptions, description: string): void {
  const access = opts.access ?? 'write';
  const cmd = opts.command ? `"cowrie ${opts.command}"` : 'this command';
  if (version < CURRENT_SCHEMA_VERSION && access !== 'migrate') {
    throw new SchemaVersionError('SCHEMA_TOO_OLD', `${description} has schema version ${version}, ${cmd} needs ${CURRENT_SCHEMA_VERSION}: run "cowrie db migrate" first`);
  }
  if (version > CURRENT_SCHEMA_VERSION && access !== 'read') {
    throw new SchemaVersionError('SCHEMA_TOO_NEW', `${description} has schema version ${version}, newer than this software (${CURRENT_SCHEMA_VERSION}); upgrade cowrieprocessor before running ${cmd}`);
  }
}
