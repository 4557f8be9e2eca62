/**
 * Helpers for specs that run against real databases (ours and those of code built on our
 * packages): which dialects to run, throwaway SQLite files and PostgreSQL schemas. PostgreSQL is
 * never silently skipped: under CI a missing server fails the specs.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type CowrieStore, type OpenStoreOptions } from '../store/open-store.js';

/** PostgreSQL used by the tests (a throwaway schema per test keeps runs independent). */
export const TEST_PG_URL = process.env.COWRIE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Whether we run under CI: `CI` set to any non-empty value other than `false` / `0` (CI systems
 * write `true`, `1`, `yes` or their own name).
 */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.CI?.trim().toLowerCase();
  return v !== undefined && v !== '' && v !== 'false' && v !== '0';
}

/** The two store dialects. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * The dialects every store spec runs over. PostgreSQL is always included: a missing server is
 * a test failure, never a skip. `COWRIE_TEST_PG=off` leaves it out on a developer machine
 * without PostgreSQL, loudly, and is refused under CI (see {@link isCi}).
 *
 * @example
 * ```ts
 * describe.each(testDialects())('my store spec on %s', (dialect) => { … });
 * ```
 */
export function testDialects(): Dialect[] {
  if (process.env.COWRIE_TEST_PG === 'off') {
    if (isCi()) throw new Error('COWRIE_TEST_PG=off is not allowed in CI: PostgreSQL tests must run');
    console.warn('[tests] COWRIE_TEST_PG=off: PostgreSQL specs are NOT running');
    return ['sqlite'];
  }
  return ['sqlite', 'postgres'];
}

/** A fresh, empty database target of the given dialect, and how to throw it away. */
export interface TestDatabase {
  dialect: Dialect;
  /** `--db` value. */
  target: string;
  open(opts?: OpenStoreOptions): Promise<CowrieStore>;
  drop(): Promise<void>;
}

/**
 * Create a throwaway database: an SQLite file in a temp dir, or a fresh PostgreSQL schema.
 *
 * @example
 * ```ts
 * const t = createTestDatabase('postgres');
 * const store = await t.open();
 * try { … } finally { await store.close(); await t.drop(); }
 * ```
 */
export function createTestDatabase(dialect: Dialect): TestDatabase {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'cowrie-test-'));
    const target = join(dir, 'cowrie.sqlite');
    return {
      dialect, target,
      open: (opts) => openStore(target, opts),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const target = `${TEST_PG_URL}${TEST_PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  return {
    dialect, target,
    open: (opts) => openStore(target, opts),
    drop: async () => {
      await pgExec(`drop schema if exists ${schema} cascade`);
    },
  };
}

/** Run one SQL statement on the test PostgreSQL server (outside our store). */
export async function pgExec(statement: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  try {
    return await c.query(statement, params);
  } finally {
    await c.end();
  }
}
