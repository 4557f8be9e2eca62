import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION, MIGRATIONS, SchemaVersionError, StoreError, openStore, readSchemaVersion, runMigrations, type Migration,
} from '../../src/index.js';
import { runNode } from '../support/child.js';
import { createTestDatabase, pgExec, testDialects, type TestDatabase } from '../support/dialects.js';

describe.each(testDialects())('migrations on %s', (dialect) => {
  let tdb: TestDatabase;
  afterEach(async () => {
    await tdb?.drop();
  });

  it('creates the current schema on first use of an empty database', async () => {
    tdb = createTestDatabase(dialect);
    const store = await tdb.open();
    try {
      expect(store.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      const tables = await store.dialect.listTables(store.db);
      for (const t of ['raw_events', 'sessions', 'commands', 'auth_attempts', 'downloads', 'ssh_keys', 'tcp_forwards', 'dead_letters', 'ingest_cursors', 'loads', 'schema_meta']) {
        expect(tables).toContain(t);
      }
    } finally {
      await store.close();
    }
  });

  it('migrate on a current schema applies nothing', async () => {
    tdb = createTestDatabase(dialect);
    const store = await tdb.open({ access: 'migrate' });
    try {
      const r = await store.migrate();
      expect(r.applied).toEqual([]);
      expect(r.to).toBe(CURRENT_SCHEMA_VERSION);
    } finally {
      await store.close();
    }
  });

  it('two processes creating the same empty database at once end with one schema', async () => {
    tdb = createTestDatabase(dialect);
    const body = `const s = await core.openStore(process.env.DB); console.log(s.schemaVersion); await s.close();`;
    const [a, b] = await Promise.all([runNode(body, { DB: tdb.target }), runNode(body, { DB: tdb.target })]);
    expect([a.stderr, b.stderr]).toEqual(['', '']);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect([a.stdout.trim(), b.stdout.trim()]).toEqual([String(CURRENT_SCHEMA_VERSION), String(CURRENT_SCHEMA_VERSION)]);
    const store = await tdb.open();
    expect(await readSchemaVersion(store.db, store.dialect)).toBe(CURRENT_SCHEMA_VERSION);
    await store.close();
  });

  it('refuses writers on an older schema and names the command, but lets migrate open it', async () => {
    tdb = createTestDatabase(dialect);
    const s1 = await tdb.open();
    await s1.db.updateTable('schema_meta').set({ value: '0' }).where('key', '=', 'schema_version').execute();
    await s1.close();
    await expect(tdb.open({ access: 'write', command: 'load bulk' })).rejects.toThrow(/run "cowrie db migrate" first/);
    await expect(tdb.open({ access: 'read', command: 'report summary' })).rejects.toMatchObject({ code: 'SCHEMA_TOO_OLD' });
    const m = await tdb.open({ access: 'migrate' });
    expect(m.schemaVersion).toBe(0);
    await m.close();
  });

  it('readers accept a newer schema that only added tables; writers refuse it', async () => {
    tdb = createTestDatabase(dialect);
    const s1 = await tdb.open();
    await s1.db.updateTable('schema_meta').set({ value: String(CURRENT_SCHEMA_VERSION + 1) }).where('key', '=', 'schema_version').execute();
    await s1.close();
    const reader = await tdb.open({ access: 'read' });
    expect(reader.schemaVersion).toBe(CURRENT_SCHEMA_VERSION + 1);
    await reader.close();
    await expect(tdb.open({ access: 'write', command: 'load bulk' })).rejects.toBeInstanceOf(SchemaVersionError);
    const s2 = await tdb.open({ access: 'read' });
    await s2.db.updateTable('schema_meta').set({ value: String(CURRENT_SCHEMA_VERSION + 1) }).where('key', '=', 'min_reader_version').execute();
    await s2.close();
    await expect(tdb.open({ access: 'read' })).rejects.toMatchObject({ code: 'SCHEMA_INCOMPATIBLE' });
  });

  it('a step whose verification fails is rolled back whole and not recorded', async () => {
    tdb = createTestDatabase(dialect);
    const store = await tdb.open();
    const bad: Migration = {
      version: CURRENT_SCHEMA_VERSION + 1,
      name: 'broken',
      async up(db) {
        await db.schema.createTable('half_done').addColumn('a', 'text').execute();
      },
      async verify() {
        throw new Error('verification failed on purpose');
      },
    };
    try {
      await expect(runMigrations(store.db, store.dialect, [...MIGRATIONS, bad])).rejects.toThrow(/on purpose/);
      expect(await readSchemaVersion(store.db, store.dialect)).toBe(CURRENT_SCHEMA_VERSION);
      expect(await store.dialect.tableExists(store.db, 'half_done')).toBe(false);
    } finally {
      await store.close();
    }
  });
});

describe('namespaces', () => {
  it('SQLite: a database holding tables that are not ours (a predecessor file) is refused, not written', async () => {
    const tdb = createTestDatabase('sqlite');
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(tdb.target);
    raw.exec('create table raw_events (id integer primary key, payload text)');
    raw.close();
    try {
      const err = await tdb.open().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).code).toBe('FOREIGN_DATABASE');
      const again = new Database(tdb.target);
      expect(again.prepare("select count(*) as n from sqlite_master where name = 'schema_meta'").get()).toEqual({ n: 0 });
      again.close();
    } finally {
      await tdb.drop();
    }
  });

  it.runIf(testDialects().includes('postgres'))('PostgreSQL: our tables live in their own schema beside a predecessor raw_events table', async () => {
    const pred = `pred_${Math.random().toString(16).slice(2, 10)}`;
    await pgExec(`create schema ${pred}; create table ${pred}.raw_events (id serial primary key, payload json)`);
    await pgExec(`insert into ${pred}.raw_events (payload) values ('{"x":1}')`);
    const tdb = createTestDatabase('postgres');
    const store = await tdb.open();
    try {
      await sql`select count(*) from raw_events`.execute(store.db);
      const ours = await pgExec(`select table_schema from information_schema.tables where table_name = 'raw_events' and table_schema in ($1, $2) order by 1`, [pred, store.dialect.namespace]);
      expect(ours.rows.map((r) => r.table_schema).sort()).toEqual([pred, store.dialect.namespace].sort());
      const theirs = await pgExec(`select count(*)::int as n from ${pred}.raw_events`);
      expect(theirs.rows[0].n).toBe(1);
    } finally {
      await store.close();
      await tdb.drop();
      await pgExec(`drop schema ${pred} cascade`);
    }
  });
});
