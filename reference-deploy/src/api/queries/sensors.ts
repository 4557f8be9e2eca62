/**
 * @module Sensors: activity counts from core, a status from the age of the last event, and events
 * per UTC day.
 */
import { sql } from 'kysely';
import { sensorCounts, type CowrieStore, type QueryFilter, type SensorCounts } from '@cowrieprocessor/core';
import { windowOn } from './sql-helpers.js';

/** A sensor as the API serves it. */
export interface SensorStatus extends SensorCounts {
  /** `active` (last event < 1 h ago), `idle` (< 24 h), `silent` (older or none), by the wall clock. */
  status: 'active' | 'idle' | 'silent';
  eventsPerDay: Array<{ day: string; events: number }>;
}

/**
 * Every sensor with events or sessions in the window, by name (byte order).
 *
 * @example
 * ```ts
 * const sensors = await sensorStatus(store, {}, Date.now());
 * ```
 */
export async function sensorStatus(store: CowrieStore, f: QueryFilter, now: number, maxDays = 366): Promise<SensorStatus[]> {
  const counts = await sensorCounts(store, f);
  const days = await store.db.selectFrom('raw_events')
    .select(['sensor', sql<string>`substr(ts, 1, 10)`.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
    .where(windowOn('ts', f)).where('ts', 'is not', null)
    .groupBy(['sensor', sql`substr(ts, 1, 10)`]).execute();
  const perDay = new Map<string, Array<{ day: string; events: number }>>();
  for (const d of days) perDay.set(d.sensor, [...(perDay.get(d.sensor) ?? []), { day: d.day, events: Number(d.n) }]);
  return counts.map((c) => {
    const age = c.lastEvent ? now - Date.parse(c.lastEvent) : Infinity;
    const list = (perDay.get(c.sensor) ?? []).sort((a, b) => (a.day < b.day ? -1 : 1)).slice(-maxDays);
    return { ...c, status: age < 3_600_000 ? 'active' : age < 86_400_000 ? 'idle' : 'silent', eventsPerDay: list };
  });
}
