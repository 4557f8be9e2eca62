import { sql, type Kysely } from 'kysely';
import type { CowrieStore } from '../open-store.js';
import type { Database } from '../schema.js';

/**
 * Run `fn` in one write transaction on one connection. SQLite opens it with `BEGIN IMMEDIATE`
 * so concurrent writers queue on the busy timeout instead of failing on a lock upgrade.
 */
export async function withWriteTransaction<T>(store: CowrieStore, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return withWriteTransactionOn(store.db, store.dialect.beginWrite, fn);
}

/** {@link withWriteTransaction} on a bare Kysely instance with an explicit `BEGIN …` statement. */
export async function withWriteTransactionOn<T>(db: Kysely<Database>, begin: string, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql.raw(begin).execute(conn);
    try {
      const out = await fn(conn);
      await sql`commit`.execute(conn);
      return out;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}

/** Split rows so that one statement stays under the dialect's bind-parameter limit. */
export function chunkRows<T extends object>(rows: readonly T[], maxParams: number, maxRows = 500): T[][] {
  if (rows.length === 0) return [];
  const cols = Math.max(1, Object.keys(rows[0] as object).length);
  const size = Math.max(1, Math.min(maxRows, Math.floor(maxParams / cols)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
