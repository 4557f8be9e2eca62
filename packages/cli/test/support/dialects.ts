/**
 * Which databases the CLI specs run on, and throwaway targets for them. The same rules as core's
 * `test/support/dialects.ts` (kept separate so the CLI package type-checks on its own):
 * PostgreSQL is always included and a missing server FAILS the specs, never skips them;
 * `COWRIE_TEST_PG=off` leaves it out on a developer machine, loudly, and is refused under CI.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';

/** PostgreSQL used by the tests (a throwaway schema per spec keeps runs independent). */
export const TEST_PG_URL = process.env.COWRIE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type Dialect = 'sqlite' | 'postgres';

/** `CI` set to any non-empty value other than `false` / `0`. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.CI?.trim().toLowerCase();
  return v !== undefined && v !== '' && v !== 'false' && v !== '0';
}

/** The dialects every CLI spec that is not about SQLite files runs over. */
export function testDialects(env: NodeJS.ProcessEnv = process.env): Dialect[] {
  if (env.COWRIE_TEST_PG === 'off') {
    if (isCi(env)) throw new Error('COWRIE_TEST_PG=off is not allowed in CI: PostgreSQL tests must run');
    console.warn('[tests] COWRIE_TEST_PG=off: PostgreSQL CLI specs are NOT running');
    return ['sqlite'];
  }
  return ['sqlite', 'postgres'];
}

/** A fresh lower-case schema name (valid unquoted, so `?schema=` accepts it). */
export function randomSchema(prefix = 'cli_'): string {
  return `${prefix}${randomBytes(6).toString('hex')}`;
}

/** Run one statement on the test server, outside the CLI. */
export async function pgQuery<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await client.query<R>(text, params);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Throws (failing the spec) with a clear message when the test PostgreSQL cannot be reached. */
export async function requirePostgres(): Promise<void> {
  try {
    await pgQuery('select 1');
  } catch (e) {
    throw new Error(`PostgreSQL at ${TEST_PG_URL} is required for these tests (set COWRIE_TEST_PG=off to leave it out locally): ${(e as Error).message}`);
  }
}

/** A throwaway database for one dialect: the `--db` value, and how to throw it away. */
export interface CliTestDb {
  dialect: Dialect;
  /** The `--db` value. */
  target: string;
  /** PostgreSQL schema (null on SQLite). */
  schema: string | null;
}

/**
 * Targets made on demand, all dropped by {@link DbPool.dropAll}: SQLite files in `dir`, or fresh
 * PostgreSQL schemas.
 */
export class DbPool {
  private readonly schemas: string[] = [];
  private n = 0;

  constructor(
    readonly dialect: Dialect,
    private readonly dir: () => string,
  ) {}

  /** A new, empty database. */
  create(name = 'db'): CliTestDb {
    if (this.dialect === 'sqlite') return { dialect: 'sqlite', target: join(this.dir(), `${name}-${++this.n}.sqlite`), schema: null };
    const schema = randomSchema();
    this.schemas.push(schema);
    return { dialect: 'postgres', target: `${TEST_PG_URL}${TEST_PG_URL.includes('?') ? '&' : '?'}schema=${schema}`, schema };
  }

  /** Drop every PostgreSQL schema made here (SQLite files go with the temp dir). */
  async dropAll(): Promise<void> {
    if (this.schemas.length === 0) return;
    const list = this.schemas.splice(0).map((s) => `"${s}"`).join(', ');
    await pgQuery(`drop schema if exists ${list} cascade`);
  }
}
