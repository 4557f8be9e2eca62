import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { CowrieStore } from '../store/open-store.js';
import type { QueryFilter } from './time-window.js';

/**
 * `col` in `[since, until)` and, when asked, `sensor = …` (every table stores `''` for "no
 * sensor", so the plain column and its indexes serve). Rows without a time are left out only
 * when a window bound is given, so unwindowed totals count everything.
 *
 * @example
 * ```ts
 * const n = await store.db.selectFrom('raw_events').select((eb) => eb.fn.countAll().as('n'))
 *   .where(inWindow('ts', { since: '2024-03-01T00:00:00.000000Z', sensor: 'honey-1' })).executeTakeFirst();
 * ```
 */
export function inWindow(col: string, f: QueryFilter): Expression<SqlBool> {
  const parts = [sql`1 = 1`];
  if (f.since) parts.push(sql`${sql.ref(col)} >= ${f.since}`);
  if (f.until) parts.push(sql`${sql.ref(col)} < ${f.until}`);
  if (f.sensor !== undefined) parts.push(sql`${sql.ref('sensor')} = ${f.sensor}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/**
 * A text column (or expression) in byte-wise order, whatever the database's default collation:
 * `col collate "C"` on PostgreSQL, the plain column on SQLite (BINARY already). Use it in
 * `order by`, `min`/`max` and comparisons of text, so that both dialects answer alike.
 *
 * @example
 * ```ts
 * store.db.selectFrom('auth_attempts').select('username').orderBy(binaryOrder(store, 'username'));
 * ```
 */
export function binaryOrder(store: CowrieStore, col: string | RawBuilder<unknown>): RawBuilder<unknown> {
  const expr = typeof col === 'string' ? sql`${sql.ref(col)}` : sql`(${col})`;
  const c = store.dialect.binaryCollation;
  return c ? sql`${expr} collate ${sql.id(c)}` : expr;
}

/**
 * Byte-wise (code point) comparison of two strings, the order {@link binaryOrder} gives in SQL,
 * for sorting in JavaScript (`<` compares UTF-16 code units, which differs above U+FFFF).
 *
 * @example
 * ```ts
 * ['a', 'B', '_x'].sort(compareBinary); // ['B', '_x', 'a']
 * ```
 */
export function compareBinary(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
