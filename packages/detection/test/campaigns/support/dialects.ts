/**
 * Throwaway databases for the campaign specs, by the same rules as core's
 * `test/support/dialects.ts` (copied, so this package type-checks on its own against core's
 * build): PostgreSQL is always included and a missing server FAILS the specs;
 * `COWRIE_TEST_PG=off` leaves it out locally, loudly, and is refused under CI.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type CowrieStore, type OpenStoreOptions } from '@cowrieprocessor/core';

export const TEST_PG_URL = process.env.COWRIE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function isCi(): boolean {
  const v = process.env.CI?.trim().toLowerCase();
  return v !== undefined && v !== '' && v !== 'false' && v !== '0';
}

/** The dialects every store spec runs over. */
export function testDialects(): Array<'sqlite' | 'postgres'> {
  if (process.env.COWRIE_TEST_PG === 'off') {
    if (isCi()) throw new Error('COWRIE_TEST_PG=off is not allowed in CI: PostgreSQL tests must run');
    console.warn('[tests] COWRIE_TEST_PG=off: PostgreSQL specs are NOT running');
    return ['sqlite'];
  }
  return ['sqlite', 'postgres'];
}

/** A fresh, empty database target and how to throw it away. */
export interface TestDatabase {
  dialect: 'sqlite' | 'postgres';
  target: string;
  open(opts?: OpenStoreOptions): Promise<CowrieStore>;
  drop(): Promise<void>;
}

/** An SQLite file in a temp dir, or a fresh PostgreSQL schema. */
export function createTestDatabase(dialect: 'sqlite' | 'postgres'): TestDatabase {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'cowrie-det-'));
    const target = join(dir, 'cowrie.sqlite');
    return { dialect, target, open: (o) => openStore(target, o), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `det_${randomBytes(6).toString('hex')}`;
  const target = `${TEST_PG_URL}${TEST_PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  return {
    dialect, target, open: (o) => openStore(target, o),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      try {
        await c.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await c.end();
      }
    },
  };
}
