/**
 * Timestamps to the one canonical form the store sorts and compares as text:
 * `YYYY-MM-DDTHH:MM:SS.ffffffZ`, UTC, exactly 6 fractional digits.
 *
 * Cowrie wrote `…ffffffZ` (every real event seen), `…SSZ` without a fraction when the
 * microsecond was 0 (≤1.5.x), and local time with a `+HHMM` offset when `TZ` was not
 * exactly `UTC` (1.6.0+). All arithmetic here is on integers: going through `Date` would
 * drop the microseconds, which the store must keep.
 *
 * @module
 */

const SECONDS_PER_DAY = 86_400;

/** Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '000000'.slice(0, width - s.length) + s;
}

/** Formats whole epoch seconds plus a microsecond part (0–999999); `null` outside years 0–9999. */
function formatEpoch(epochSeconds: number, micros: number): string | null {
  const days = Math.floor(epochSeconds / SECONDS_PER_DAY);
  let rest = epochSeconds - days * SECONDS_PER_DAY;
  // civilFromDays, the inverse of daysFromCivil.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) return null;
  const hh = Math.floor(rest / 3600);
  rest -= hh * 3600;
  const mi = Math.floor(rest / 60);
  const ss = rest - mi * 60;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${pad(hh, 2)}:${pad(mi, 2)}:${pad(ss, 2)}.${pad(micros, 6)}Z`;
}

/** Two ASCII digits at `i` as a number, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  // charCodeAt past the end is NaN, and NaN fails both range tests.
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function validDateTime(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return (
    y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59
  );
}

/** True when `s` is already `YYYY-MM-DDTHH:MM:SS.ffffffZ` and a real date-time: the shape of every real event. */
function isCanonical(s: string): boolean {
  if (
    s.length !== 27 ||
    s.charCodeAt(4) !== 45 /* - */ ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 /* T */ ||
    s.charCodeAt(13) !== 58 /* : */ ||
    s.charCodeAt(16) !== 58 ||
    s.charCodeAt(19) !== 46 /* . */ ||
    s.charCodeAt(26) !== 90 /* Z */
  ) {
    return false;
  }
  for (let i = 20; i < 26; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const yHi = twoDigits(s, 0);
  const yLo = twoDigits(s, 2);
  if (yHi < 0 || yLo < 0) return false;
  return validDateTime(yHi * 100 + yLo, twoDigits(s, 5), twoDigits(s, 8), twoDigits(s, 11), twoDigits(s, 14), twoDigits(s, 17));
}

/**
 * ISO-8601 date-time with optional seconds, fraction (1–9 digits, `.` or `,`) and offset
 * (`Z`, `+HH`, `+HHMM`, `+HH:MM`, `-…`); `T` or a space between date and time.
 * Compiled once at module load.
 */
const ISO_GENERAL =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

function fromIsoString(input: string): string | null {
  const m = ISO_GENERAL.exec(input.trim());
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  if (!validDateTime(y, mo, d, h, mi, sec)) return null;
  // Digits beyond the 6th (nanoseconds) are truncated, never rounded: rounding could carry into the second.
  const frac = m[7] === undefined ? 0 : Number((m[7] + '00000').slice(0, 6));
  let offsetSeconds = 0;
  if (m[9] !== undefined) {
    const oh = Number(m[10]);
    const om = m[11] === undefined ? 0 : Number(m[11]);
    if (oh > 23 || om > 59) return null;
    offsetSeconds = (m[9] === '-' ? -1 : 1) * (oh * 3600 + om * 60);
  }
  // No offset means UTC (conventions: "ISO input without an offset means UTC").
  const epoch = daysFromCivil(y, mo, d) * SECONDS_PER_DAY + h * 3600 + mi * 60 + sec - offsetSeconds;
  return formatEpoch(epoch, frac);
}

function fromEpochSeconds(v: number): string | null {
  if (!Number.isFinite(v)) return null;
  // A float of epoch seconds only carries ~0.2 µs of precision today, so rounding to the
  // nearest microsecond recovers what Python's time.time() had.
  const totalMicros = Math.round(v * 1e6);
  if (!Number.isSafeInteger(totalMicros)) return null;
  const secs = Math.floor(totalMicros / 1e6);
  return formatEpoch(secs, totalMicros - secs * 1e6);
}

/**
 * Normalises a Cowrie timestamp to `YYYY-MM-DDTHH:MM:SS.ffffffZ` (UTC, 6 fractional digits).
 *
 * Accepts ISO strings with `Z`, `+HHMM`, `+HH:MM`, `-HHMM` or no offset (= UTC), with no
 * fraction or 1–9 fractional digits (microseconds kept exactly; digits past the 6th are
 * truncated), and numbers as epoch seconds (float). Anything else, or an impossible date,
 * gives `null`. A string that is already canonical is returned as the same string.
 *
 * @example
 * normalizeTimestamp('2018-05-06T17:44:05.866769Z'); // '2018-05-06T17:44:05.866769Z' (same string)
 * normalizeTimestamp('2018-05-06T17:44:05Z'); // '2018-05-06T17:44:05.000000Z'
 * normalizeTimestamp('2024-04-01T22:01:05.690463+0200'); // '2024-04-01T20:01:05.690463Z'
 * normalizeTimestamp(1525628645.866769); // '2018-05-06T17:44:05.866769Z'
 */
export function normalizeTimestamp(v: unknown): string | null {
  if (typeof v === 'string') return isCanonical(v) ? v : fromIsoString(v);
  if (typeof v === 'number') return fromEpochSeconds(v);
  return null;
}
