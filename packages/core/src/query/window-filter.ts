import { sql, type Expression, type SqlBool } from 'kysely';
import type { QueryFilter } from './time-window.js';

/**
 * `col` in `[since, until)` and, when asked, `sensor = …`. Rows without a time are left out only
 * when a window bound is given, so unwindowed totals count everything.
 */
export function inWindow(col: string, f: QueryFilter, sensorCol = 'sensor'): Expression<SqlBool> {
  const parts = [sql`1 = 1`];
  if (f.since) parts.push(sql`${sql.ref(col)} >= ${f.since}`);
  if (f.until) parts.push(sql`${sql.ref(col)} < ${f.until}`);
  if (f.sensor !== undefined) parts.push(sql`${sql.ref(sensorCol)} = ${f.sensor}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}
