import { UsageError } from '../errors/index.js';

/** A half-open interval `[since, until)` of canonical ISO UTC timestamps; either end may be open. */
export interface TimeWindow {
  since?: string;
  until?: string;
}

/** Common filters of every list and top-N query. */
export interface QueryFilter extends TimeWindow {
  /** Only this sensor. */
  sensor?: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Parse a user-supplied instant (`--since`, `since=`) into our canonical form
 * `YYYY-MM-DDTHH:MM:SS.ffffffZ`. A date alone means its UTC midnight; ISO without an offset means UTC.
 *
 * @example
 * ```ts
 * parseInstant('2024-03-01');            // '2024-03-01T00:00:00.000000Z'
 * parseInstant('2024-03-01T12:00+02:00'); // '2024-03-01T10:00:00.000000Z'
 * ```
 */
export function parseInstant(value: string, name = 'time'): string {
  const v = value.trim();
  let iso = v;
  if (DATE_ONLY.test(v)) iso = `${v}T00:00:00Z`;
  else if (!HAS_OFFSET.test(v)) iso = `${v}Z`;
  const frac = /\.(\d+)/.exec(iso)?.[1] ?? '';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new UsageError('BAD_TIME', `${name}: cannot parse "${value}" as an ISO-8601 time (e.g. 2024-03-01 or 2024-03-01T12:00:00Z)`);
  const base = new Date(ms).toISOString().slice(0, 19);
  // Date keeps milliseconds only; carry the user's microseconds through when given.
  const micros = frac.length > 3 ? frac.slice(0, 6).padEnd(6, '0') : new Date(ms).toISOString().slice(20, 23) + '000';
  return `${base}.${micros}Z`;
}

/** Parse optional `since` / `until` strings into a {@link TimeWindow}, checking order. */
export function parseWindow(since?: string | null, until?: string | null): TimeWindow {
  const w: TimeWindow = {};
  if (since) w.since = parseInstant(since, 'since');
  if (until) w.until = parseInstant(until, 'until');
  if (w.since && w.until && w.since >= w.until) throw new UsageError('BAD_WINDOW', `since (${w.since}) must be before until (${w.until})`);
  return w;
}
