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

/**
 * The ISO-8601 forms we accept: a date, or a date and time (`T` or one space between them) to the
 * minute, second or fraction of a second (1 to 9 digits), with an optional `Z` or `±HH:MM` /
 * `±HHMM` offset. Nothing else: `Date.parse` would take `1` (2001-01-01) or `Mar 1 2024`.
 */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;

const FORMS = 'YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.fffffffff]] with an optional Z or ±HH:MM offset (UTC when none), e.g. 2024-03-01 or 2024-03-01T12:00:00.123456Z';

/**
 * Parse a user-supplied instant (`--since`, `since=`) into our canonical form
 * `YYYY-MM-DDTHH:MM:SS.ffffffZ`. A date alone means its UTC midnight; a time without an offset
 * means UTC. Microseconds are kept exactly; a finer fraction is rounded up to the next
 * microsecond, which selects exactly the same stored (microsecond) times for both ends of a
 * half-open window. Anything that is not one of the accepted ISO-8601 forms is a
 * {@link UsageError} `BAD_TIME`.
 *
 * @example
 * ```ts
 * parseInstant('2024-03-01');                  // '2024-03-01T00:00:00.000000Z'
 * parseInstant('2024-03-01T12:00+02:00');      // '2024-03-01T10:00:00.000000Z'
 * parseInstant('2024-03-01 10:00:00.123456');  // '2024-03-01T10:00:00.123456Z'
 * parseInstant('Mar 1 2024');                  // throws UsageError BAD_TIME
 * ```
 */
export function parseInstant(value: string, name = 'time'): string {
  const m = ISO_INSTANT.exec(value.trim());
  if (!m) throw new UsageError('BAD_TIME', `${name}: "${value}" is not an ISO-8601 time; use ${FORMS}`);
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', , sign, oh, om] = m as unknown as Array<string | undefined>;
  const num = (v: string | undefined) => Number(v ?? 0);
  const bad = (what: string): never => {
    throw new UsageError('BAD_TIME', `${name}: "${value}" is not a valid time (${what}); use ${FORMS}`);
  };
  const year = num(y);
  const month = num(mo);
  const day = num(d);
  if (month < 1 || month > 12) bad('month out of range');
  if (day < 1 || day > daysInMonth(year, month)) bad('day out of range');
  if (num(h) > 23) bad('hour out of range');
  if (num(mi) > 59) bad('minute out of range');
  if (num(s) > 59) bad('second out of range');
  if (sign && (num(oh) > 23 || num(om) > 59)) bad('offset out of range');

  // Whole seconds since the epoch (Date.UTC maps years 0-99 to 19xx: set the year separately).
  const base = new Date(0);
  base.setUTCFullYear(year, month - 1, day);
  base.setUTCHours(num(h), num(mi), num(s), 0);
  const offsetSeconds = sign ? (sign === '-' ? -1 : 1) * (num(oh) * 3600 + num(om) * 60) : 0;
  let seconds = base.getTime() / 1000 - offsetSeconds;
  const digits = frac.padEnd(9, '0');
  let micros = Number(digits.slice(0, 6));
  if (Number(digits.slice(6)) > 0) micros += 1; // round a sub-microsecond fraction up
  if (micros === 1_000_000) {
    micros = 0;
    seconds += 1;
  }
  const utc = new Date(seconds * 1000);
  const outYear = utc.getUTCFullYear();
  if (outYear < 1 || outYear > 9999) bad('year out of range');
  return `${utc.toISOString().slice(0, 19)}.${String(micros).padStart(6, '0')}Z`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Parse optional `since` / `until` strings into a {@link TimeWindow}, checking order. Empty or
 * missing ends stay open.
 *
 * @example
 * ```ts
 * parseWindow('2024-03-01', '2024-03-02T00:00:00Z');
 * // { since: '2024-03-01T00:00:00.000000Z', until: '2024-03-02T00:00:00.000000Z' }
 * parseWindow('2024-03-02', '2024-03-01'); // throws UsageError BAD_WINDOW
 * ```
 */
export function parseWindow(since?: string | null, until?: string | null): TimeWindow {
  const w: TimeWindow = {};
  if (since) w.since = parseInstant(since, 'since');
  if (until) w.until = parseInstant(until, 'until');
  if (w.since && w.until && w.since >= w.until) throw new UsageError('BAD_WINDOW', `since (${w.since}) must be before until (${w.until})`);
  return w;
}
