import { parseWindow, UsageError, type CowrieStore } from '@cowrieprocessor/core';
import type { DetectionWindow } from './session-record.js';

/** Length of the default detection window (conventions: the 7 days ending at the newest event). */
export const DEFAULT_WINDOW_MS = 7 * 24 * 3600 * 1000;

/**
 * The window a detector runs on. Given ends are parsed as ISO instants; a missing `until` is
 * just after the newest session start in the store (so old captures work, not the wall clock),
 * a missing `since` is 7 days before `until`. An empty store gives an empty window at the epoch.
 *
 * @example
 * ```ts
 * await resolveWindow(store);                              // the 7 days ending at the newest event
 * await resolveWindow(store, '2024-03-01', '2024-03-08', 'hp-1');
 * ```
 */
export async function resolveWindow(store: CowrieStore, since?: string, until?: string, sensor?: string): Promise<DetectionWindow> {
  const w = parseWindow(since, until);
  let end = w.until;
  if (!end) {
    {
      let q = store.db.selectFrom('sessions').select((eb) => eb.fn.max('first_ts').as('newest'));
      if (sensor !== undefined) q = q.where('sensor', '=', sensor);
      const newest = (await q.executeTakeFirst())?.newest ?? null;
      // Half-open: one microsecond past the newest start keeps that session inside the window.
      end = newest ? addMs(newest, 0, 1) : '1970-01-01T00:00:00.000000Z';
    }
  }
  const start = w.since ?? addMs(end, -DEFAULT_WINDOW_MS);
  if (start >= end && newestKnown(end)) throw new UsageError('BAD_WINDOW', `since (${start}) must be before until (${end})`);
  return sensor !== undefined ? { since: start, until: end, sensor } : { since: start, until: end };
}

const newestKnown = (end: string) => end !== '1970-01-01T00:00:00.000000Z';

/** Add milliseconds (and microseconds) to a canonical `…ss.ffffffZ` instant, keeping 6 digits. */
export function addMs(iso: string, ms: number, micros = 0): string {
  const m = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(iso);
  const base = Date.parse(m ? `${m[1]}Z` : iso);
  const frac = m?.[2] ? Number(m[2].padEnd(6, '0').slice(0, 6)) : 0;
  let totalMicros = (base + ms) * 1000 + frac + micros;
  const secs = Math.floor(totalMicros / 1_000_000);
  totalMicros -= secs * 1_000_000;
  return `${new Date(secs * 1000).toISOString().slice(0, 19)}.${String(totalMicros).padStart(6, '0')}Z`;
}
