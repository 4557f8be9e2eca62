import { nowIso } from '../../util/now-iso.js';
import { sql, type Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Database } from '../schema.js';
import { MIGRATIONS, type Migration } from './index.js';

/** Outcome of {@link runMigrations}. */
export interface MigrationResult {
  from: number;
  to: number;
  applied: Array<{ version: number; name: string }>;
}

/** Oldest reader version that can read this database (`schema_meta.min_reader_version`). */
export async function readMinReaderVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('schema_meta').select('value').where('key', '=', 'min_reader_version').executeTakeFirst();
  return Number(row?.value ?? 0) || 0;
}

/** Schema version recorded in `schema_meta`, or 0 when our tables are absent. */
export async function readSchemaVersion(db: Kysely<Database>, dialect: DialectAdapter): Promise<number> {
  if (!(await dialect.tableExists(db, 'schema_meta'))) return 0;
  const row = await db.selectFrom('schema_meta').select('value').where('key', '=', 'schema_version').executeTakeFirst();
  const v = Number(row?.value ?? 0);
  return Number.isFinite(v) ? v : 0;
}

/**
 * Apply every pending migration, one transaction per step: lock, re-read the version (another
 * process may have migrated while we waited), apply, verify, record. A failing step rolls back
 * alone and stops the run; earlier steps stay applied and recorded. An empty database gets the
 * whole current schema in one transaction, so no other process ever sees it half created (and
 * mistakes it for an old schema).
 */
export async function runMigrations(db: Kysely<Database>, dialect: DialectAdapter, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationResult> {
  return db.connection().execute(async (conn) => {
    const from = await readSchemaVersion(conn, dialect);
    const applied: MigrationResult['applied'] = [];
    if (from === 0 && migrations.length > 0) {
      const created = await createAtOnce(conn, dialect, migrations);
      applied.push(...created);
      if (created.length > 0) return { from, to: await readSchemaVersion(conn, dialect), applied };
    }
    for (const m of migrations) {
      if (m.version <= from) continue;
      await sql.raw(dialect.beginWrite).execute(conn);
      try {
        await dialect.lockForMigration(conn);
        const current = await readSchemaVersion(conn, dialect);
        if (current >= m.version) {
          await sql`commit`.execute(conn);
          continue;
        }
        await m.up(conn, dialect);
        await m.verify(conn, dialect);
        await writeMeta(conn, 'schema_version', String(m.version));
        if (m.breaksReaders || current === 0) await writeMeta(conn, 'min_reader_version', String(m.version));
        await writeMeta(conn, 'migrated_at', nowIso());
        await sql`commit`.execute(conn);
        applied.push({ version: m.version, name: m.name });
      } catch (err) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw err;
      }
    }
    return { from, to: await readSchemaVersion(conn, dialect), applied };
  });
}

/** Every step in one transaction on an empty database; nothing when another process got there first. */
async function createAtOnce(conn: Kysely<Database>, dialect: DialectAdapter, migrations: readonly Migration[]): Promise<MigrationResult['applied']> {
  await sql.raw(dialect.beginWrite).execute(conn);
  try {
    await dialect.lockForMigration(conn);
    if ((await readSchemaVersion(conn, dialect)) > 0) {
      await sql`commit`.execute(conn);
      return [];
    }
    let minReader = migrations[0]!.version;
    for (const m of migrations) {
      await m.up(conn, dialect);
      await m.verify(conn, dialect);
      if (m.breaksReaders) minReader = m.version;
    }
    await writeMeta(conn, 'schema_version', String(migrations[migrations.length - 1]!.version));
    await writeMeta(conn, 'min_reader_version', String(minReader));
    await writeMeta(conn, 'migrated_at', nowIso());
    await sql`commit`.execute(conn);
    return migrations.map((m) => ({ version: m.version, name: m.name }));
  } catch (err) {
    await sql`rollback`.execute(conn).catch(() => undefined);
    throw err;
  }
}

async function writeMeta(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db
    .insertInto('schema_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
