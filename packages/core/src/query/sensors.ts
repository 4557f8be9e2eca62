import { sql } from 'kysely';
import type { CowrieStore } from '../store/open-store.js';
import type { QueryFilter } from './time-window.js';
import { compareBinary, inWindow } from './window-filter.js';

/** Activity of one sensor in a window. */
export interface SensorCounts {
  sensor: string;
  sessions: number;
  events: number;
  uniqueIps: number;
  firstEvent: string | null;
  lastEvent: string | null;
}

/**
 * Per-sensor counts: sessions (by first event) and events in the window, distinct source IPs,
 * first and last event. Sensors are ordered by name, byte-wise.
 *
 * @example
 * ```ts
 * for (const s of await sensorCounts(store, { since: '2024-03-01T00:00:00.000000Z' })) console.log(s.sensor, s.events);
 * ```
 */
export async function sensorCounts(store: CowrieStore, f: QueryFilter = {}): Promise<SensorCounts[]> {
  const sessions = await store.db.selectFrom('sessions')
    .select(['sensor', (eb) => eb.fn.countAll<number>().as('sessions'), sql<number>`count(distinct src_ip)`.as('ips')])
    .where(inWindow('first_ts', f))
    .groupBy('sensor')
    .execute();
  const events = await store.db.selectFrom('raw_events')
    .select(['sensor', (eb) => eb.fn.countAll<number>().as('events'), (eb) => eb.fn.min('ts').as('first'), (eb) => eb.fn.max('ts').as('last')])
    .where(inWindow('ts', f))
    .groupBy('sensor')
    .execute();
  const out = new Map<string, SensorCounts>();
  const get = (name: string) => {
    let c = out.get(name);
    if (!c) out.set(name, (c = { sensor: name, sessions: 0, events: 0, uniqueIps: 0, firstEvent: null, lastEvent: null }));
    return c;
  };
  for (const r of sessions) Object.assign(get(r.sensor), { sessions: Number(r.sessions), uniqueIps: Number(r.ips) });
  for (const r of events) Object.assign(get(r.sensor ?? ''), { events: Number(r.events), firstEvent: (r.first as string | null) ?? null, lastEvent: (r.last as string | null) ?? null });
  return [...out.values()].sort((a, b) => compareBinary(a.sensor, b.sensor));
}
