/**
 * Which databases the enrichment specs run on, and throwaway stores on them. The same rules as
 * core's `test/support/dialects.ts` (a copy, so this package type-checks on its own): PostgreSQL
 * is always included and a missing server FAILS the specs, never skips them;
 * `COWRIE_TEST_PG=off` leaves it out on a developer machine, loudly, and is refused under CI.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type CowrieStore, type OpenStoreOptions } from '@cowrieprocessor/core';

export const TEST_PG_URL = process.env.COWRIE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export type Dialect = 'sqlite' | 'postgres';

/** `CI` set to any non-empty value other than `false` / `0`. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.CI?.trim().toLowerCase();
  return v !== undefined && v !== '' && v !== 'false' && v !== '0';
}

/** The dialects every store spec runs over (PostgreSQL always, unless explicitly off outside CI). */
export function testDialects(): Dialect[] {
  if (process.env.COWRIE_TEST_PG === 'off') {
    if (isCi()) throw new Error('COWRIE_TEST_PG=off is not allowed in CI: PostgreSQL tests must run');
    console.warn('[tests] COWRIE_TEST_PG=off: PostgreSQL enrichment specs are NOT running');
    return ['sqlite'];
  }
  return ['sqlite', 'postgres'];
}

/** A fresh, empty database target and how to throw it away. */
export interface TestDatabase {
  dialect: Dialect;
  /** `--db` value. */
  target: string;
  open(opts?: OpenStoreOptions): Promise<CowrieStore>;
  drop(): Promise<void>;
}

/** An SQLite file in a temp dir, or a fresh PostgreSQL schema. */
export function createTestDatabase(dialect: Dialect): TestDatabase {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'cowrie-enrich-test-'));
    const target = join(dir, 'cowrie.sqlite');
    return { dialect, target, open: (o) => openStore(target, o), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `e_${randomBytes(6).toString('hex')}`;
  const target = `${TEST_PG_URL}${TEST_PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  return { dialect, target, open: (o) => openStore(target, o), drop: () => pgExec(`drop schema if exists ${schema} cascade`).then(() => undefined) };
}

/** Run one statement on the test PostgreSQL server (outside our store). */
export async function pgExec(statement: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  try {
    return await c.query(statement, params);
  } finally {
    await c.end();
  }
}
