import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { QueryFilter } from './time-window.js';

/**
 * `col` in `[since, until)` and, when asked, `sensor = …`. Rows without a time are left out only
 * when a window bound is given, so unwindowed totals count everything.
 */
export function inWindow(col: string, f: QueryFilter, sensor: RawBuilder<unknown> = sql.ref('sensor')): Expression<SqlBool> {
  const parts = [sql`1 = 1`];
  if (f.since) parts.push(sql`${sql.ref(col)} >= ${f.since}`);
  if (f.until) parts.push(sql`${sql.ref(col)} < ${f.until}`);
  if (f.sensor !== undefined) parts.push(sql`${sensor} = ${f.sensor}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** Sensor of a `raw_events` row as sessions name it (`''` when the event had none). */
export const eventSensor: RawBuilder<unknown> = sql`coalesce(sensor, '')`;
