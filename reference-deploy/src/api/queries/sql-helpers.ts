/**
 * @module SQL pieces the API's queries share: the half-open window on a (qualified) time column
 * with an optional sensor test on a (qualified) sensor column, and byte-wise text order on both
 * dialects (the same rules as core's query API, usable in joins).
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { CowrieStore, QueryFilter } from '@cowrieprocessor/core';

/**
 * `timeCol ∈ [since, until)` and `sensorCol = sensor` when the filter sets them.
 *
 * @example
 * ```ts
 * db.selectFrom('sessions as s').where(windowOn('s.first_ts', f, 's.sensor'));
 * ```
 */
export function windowOn(timeCol: string, f: QueryFilter, sensorCol = 'sensor'): Expression<SqlBool> {
  const parts = [sql`1 = 1`];
  if (f.since) parts.push(sql`${sql.ref(timeCol)} >= ${f.since}`);
  if (f.until) parts.push(sql`${sql.ref(timeCol)} < ${f.until}`);
  if (f.sensor !== undefined) parts.push(sql`${sql.ref(sensorCol)} = ${f.sensor}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/**
 * A text column in byte order whatever the database collation (`collate "C"` on PostgreSQL).
 *
 * @example
 * ```ts
 * q.orderBy(byteOrder(store, 'src_ip'));
 * ```
 */
export function byteOrder(store: CowrieStore, col: string): RawBuilder<unknown> {
  const c = store.dialect.binaryCollation;
  return c ? sql`${sql.ref(col)} collate ${sql.id(c)}` : sql`${sql.ref(col)}`;
}

/**
 * Byte-wise comparison of two strings, for sorting in JavaScript like {@link byteOrder} in SQL.
 *
 * @example
 * ```ts
 * names.sort(compareBytes);
 * ```
 */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
