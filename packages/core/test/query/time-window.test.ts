import { describe, expect, it } from 'vitest';
import { UsageError, parseInstant, parseWindow } from '../../src/index.js';

/**
 * The canonical form computed by hand from the parts of the input, independently of the parser:
 * local date-time minus the offset, microseconds carried through.
 */
function canonical(y: number, mo: number, d: number, h: number, mi: number, s: number, micros: number, offsetMinutes = 0): string {
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi - offsetMinutes, s, 0);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(t.getUTCFullYear(), 4)}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}T${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}.${p(micros, 6)}Z`;
}

describe('parseInstant accepts ISO-8601 only', () => {
  const accepted: Array<[string, string]> = [
    ['2024-03-01', canonical(2024, 3, 1, 0, 0, 0, 0)],
    ['2024-03-01T12:34', canonical(2024, 3, 1, 12, 34, 0, 0)],
    ['2024-03-01T12:34:56', canonical(2024, 3, 1, 12, 34, 56, 0)],
    ['2024-03-01T12:34:56Z', canonical(2024, 3, 1, 12, 34, 56, 0)],
    ['2024-03-01t12:34:56z', canonical(2024, 3, 1, 12, 34, 56, 0)],
    ['2024-03-01 12:34:56', canonical(2024, 3, 1, 12, 34, 56, 0)],
    ['2024-03-01T12:34:56.1', canonical(2024, 3, 1, 12, 34, 56, 100_000)],
    ['2024-03-01T12:34:56.12', canonical(2024, 3, 1, 12, 34, 56, 120_000)],
    ['2024-03-01T12:34:56.123', canonical(2024, 3, 1, 12, 34, 56, 123_000)],
    ['2024-03-01T12:34:56.123456', canonical(2024, 3, 1, 12, 34, 56, 123_456)],
    ['2024-03-01T12:34:56.123456Z', canonical(2024, 3, 1, 12, 34, 56, 123_456)],
    ['2024-03-01T12:34:56.000001Z', canonical(2024, 3, 1, 12, 34, 56, 1)],
    ['2024-03-01T12:34:56.999999Z', canonical(2024, 3, 1, 12, 34, 56, 999_999)],
    // Finer than a microsecond: rounded up (ceil), so [since, until) selects the same stored times.
    ['2024-03-01T12:34:56.1234560Z', canonical(2024, 3, 1, 12, 34, 56, 123_456)],
    ['2024-03-01T12:34:56.1234561Z', canonical(2024, 3, 1, 12, 34, 56, 123_457)],
    ['2024-03-01T12:34:56.123456789', canonical(2024, 3, 1, 12, 34, 56, 123_457)],
    ['2024-03-01T23:59:59.9999999Z', canonical(2024, 3, 2, 0, 0, 0, 0)],
    ['2024-03-01T12:00+02:00', canonical(2024, 3, 1, 12, 0, 0, 0, 120)],
    ['2024-03-01T12:00:00+0200', canonical(2024, 3, 1, 12, 0, 0, 0, 120)],
    ['2024-03-01T01:30:00.5-05:30', canonical(2024, 3, 1, 1, 30, 0, 500_000, -330)],
    ['2024-03-01T00:15:00.250000+01:00', canonical(2024, 3, 1, 0, 15, 0, 250_000, 60)], // crosses midnight backwards
    ['2024-02-29', canonical(2024, 2, 29, 0, 0, 0, 0)], // leap day
    ['2000-02-29T00:00:00Z', canonical(2000, 2, 29, 0, 0, 0, 0)],
    ['0050-06-15T00:00:00Z', '0050-06-15T00:00:00.000000Z'], // not mapped to 1950
    ['  2024-03-01T10:00:00Z  ', canonical(2024, 3, 1, 10, 0, 0, 0)],
  ];
  it.each(accepted)('%s → %s', (input, want) => {
    expect(parseInstant(input)).toBe(want);
  });

  it('keeps microseconds exactly for every 6-digit fraction tried', () => {
    for (const f of ['000000', '000007', '123456', '500000', '654321', '999999', '100001']) {
      expect(parseInstant(`2018-05-06T17:44:05.${f}Z`)).toBe(`2018-05-06T17:44:05.${f}Z`);
    }
  });

  const rejected: string[] = [
    '1', '2024', '2024-03', '20240301', 'Mar 1 2024', '1 March 2024', 'March 1, 2024 10:00', 'yesterday', 'now', '',
    '2024-3-1', '2024-03-1', '24-03-01', '2024/03/01', '2024-03-01T', '2024-03-01T1', '2024-03-01T12', '2024-03-01T12:3',
    '2024-03-01T12:34:5', '2024-03-01T12:34:56.', '2024-03-01T12:34:56.1234567890', '2024-03-01T12:34:56,5',
    '2024-03-01Z', '2024-03-01+02:00', '2024-03-01T12:00+2', '2024-03-01T12:00+02', '2024-03-01T12:00+02:0', '2024-03-01T12:00 Z',
    '2024-03-01T12:00:00 +02:00', '2024-03-01T12:00:00GMT', '2024-03-01T12:00:00 UTC', '2024-03-01T12:00:00ZZ',
    '2024-13-01', '2024-00-10', '2024-02-30', '2023-02-29', '1900-02-29', '2024-04-31', '2024-03-00', '2024-03-32',
    '2024-03-01T24:00', '2024-03-01T23:60', '2024-03-01T23:59:60', '2024-03-01T12:00+24:00', '2024-03-01T12:00+02:60',
    '0000-01-01', '+002024-03-01', '2024-03-01T12:00:00.123Z garbage', 'Fri, 01 Mar 2024 10:00:00 GMT', '1709287200',
    '２０２４-03-01',
  ];
  it.each(rejected)('rejects %j with a UsageError naming the value and the accepted forms', (input) => {
    let err: unknown;
    try {
      parseInstant(input, 'since');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    const e = err as UsageError;
    expect(e.code).toBe('BAD_TIME');
    expect(e.message).toContain('since:');
    expect(e.message).toContain(JSON.stringify(input));
    expect(e.message).toContain('YYYY-MM-DD');
  });
});

describe('parseWindow', () => {
  it('parses both ends and refuses an empty or inverted window', () => {
    expect(parseWindow('2024-03-01', '2024-03-01T00:00:00.000001Z')).toEqual({
      since: canonical(2024, 3, 1, 0, 0, 0, 0), until: canonical(2024, 3, 1, 0, 0, 0, 1),
    });
    expect(parseWindow(undefined, null)).toEqual({});
    expect(parseWindow('', '2024-03-01')).toEqual({ until: canonical(2024, 3, 1, 0, 0, 0, 0) });
    expect(() => parseWindow('2024-03-01', '2024-03-01T00:00:00Z')).toThrow(UsageError);
    expect(() => parseWindow('2024-03-02', '2024-03-01')).toThrow(/since .* must be before until/);
    expect(() => parseWindow('1', undefined)).toThrow(/since: "1" is not an ISO-8601 time/);
    expect(() => parseWindow(undefined, 'Mar 1 2024')).toThrow(/until: "Mar 1 2024"/);
  });
});
