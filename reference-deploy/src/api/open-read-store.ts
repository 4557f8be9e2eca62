/**
 * @module Open the database for the API: read access only, and never create or migrate. Core's
 * `openStore` creates the schema in an empty database, so an empty or foreign database is
 * refused here first, with one clear line, before `openStore` (access `read`) applies the
 * reader rules (older schema refused, newer schema that only added tables accepted).
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { openStore, parseDatabaseTarget, StoreError, type CowrieStore } from '@cowrieprocessor/core';

/**
 * Open `target` (a `--db` value) read-only for the API.
 *
 * @example
 * ```ts
 * const store = await openReadStore(process.env.COWRIE_DB_READ ?? process.env.COWRIE_DB, 8);
 * ```
 */
export async function openReadStore(target: string | undefined, poolSize: number): Promise<CowrieStore> {
  const t = parseDatabaseTarget(target);
  const none = (where: string) => new StoreError('NO_SCHEMA', `${where} has no cowrieprocessor schema; the API never creates one: run "cowrie db migrate" (or a load) against it first`);
  if (t.kind === 'sqlite') {
    if (t.path === ':memory:' || !existsSync(t.path)) throw none(`sqlite:${t.path}`);
    // A WAL database may hold its schema only in the -wal file until the next checkpoint.
    const walBytes = existsSync(`${t.path}-wal`) ? statSync(`${t.path}-wal`).size : 0;
    if (sqlitePages(t.path) < 2 && walBytes === 0) throw none(`sqlite:${t.path}`);
  } else {
    // pg is core's dependency, not ours: load it at run time rather than bundle a second copy.
    const pgName = 'pg';
    const pg = ((await import(pgName)) as { default: typeof import('pg') }).default;
    const c = new pg.Client({ connectionString: t.url, application_name: 'cowrieprocessor-api' });
    try {
      await c.connect();
      const r = await c.query('select to_regclass($1) as t', [`"${t.schema}".schema_meta`]);
      if (!r.rows[0]?.t) throw none(`schema ${t.schema}`);
    } catch (err) {
      if (err instanceof StoreError) throw err;
      throw new StoreError('DB_OPEN_FAILED', `cannot reach the database for the API: ${(err as Error).message}`);
    } finally {
      await c.end().catch(() => undefined);
    }
  }
  return openStore(t, { access: 'read', command: 'serve api', poolSize });
}

/**
 * Pages in an SQLite file according to its header (offset 28, big-endian); 0 for an empty or
 * non-SQLite file. A database holding any table has at least two pages (page 1 is the schema).
 */
function sqlitePages(path: string): number {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(32);
    const n = readSync(fd, head, 0, 32, 0);
    if (n < 32 || head.subarray(0, 16).toString('latin1') !== 'SQLite format 3\u0000') return 0;
    return head.readUInt32BE(28);
  } finally {
    closeSync(fd);
  }
}
