import { describe, expect, it } from 'vitest';
import { normalizeTimestamp } from '../../src/events/normalize-timestamp.js';

const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

describe('normalizeTimestamp', () => {
  it('returns an already canonical string unchanged (the shape of every real event)', () => {
    const s = '2018-05-06T17:44:05.866769Z';
    expect(normalizeTimestamp(s)).toBe(s);
    expect(normalizeTimestamp('2017-01-03T00:00:00.000000Z')).toBe('2017-01-03T00:00:00.000000Z');
  });

  it('adds .000000 when ≤1.5.x dropped a zero microsecond', () => {
    expect(normalizeTimestamp('2018-05-06T17:44:05Z')).toBe('2018-05-06T17:44:05.000000Z');
  });

  it('pads 1–5 fraction digits and truncates 7–9 (no rounding into the next second)', () => {
    expect(normalizeTimestamp('2018-05-06T17:44:05.5Z')).toBe('2018-05-06T17:44:05.500000Z');
    expect(normalizeTimestamp('2018-05-06T17:44:05.12345Z')).toBe('2018-05-06T17:44:05.123450Z');
    expect(normalizeTimestamp('2018-05-06T17:44:05.1234567Z')).toBe('2018-05-06T17:44:05.123456Z');
    expect(normalizeTimestamp('2018-05-06T23:59:59.999999999Z')).toBe('2018-05-06T23:59:59.999999Z');
  });

  it('converts +HHMM / +HH:MM / -HHMM offsets to UTC and keeps microseconds exactly', () => {
    expect(normalizeTimestamp('2024-04-01T22:01:05.690463+0200')).toBe('2024-04-01T20:01:05.690463Z');
    expect(normalizeTimestamp('2024-04-01T22:01:05.690463+02:00')).toBe('2024-04-01T20:01:05.690463Z');
    expect(normalizeTimestamp('2024-04-01T22:01:05.690463-0530')).toBe('2024-04-02T03:31:05.690463Z');
    expect(normalizeTimestamp('2024-04-01T22:01:05.690463+0000')).toBe('2024-04-01T22:01:05.690463Z');
    expect(normalizeTimestamp('2024-04-01T22:01:05+02')).toBe('2024-04-01T20:01:05.000000Z');
  });

  it('crosses day, month, year and leap-day boundaries when shifting', () => {
    expect(normalizeTimestamp('2024-01-01T01:00:00.000001+0200')).toBe('2023-12-31T23:00:00.000001Z');
    expect(normalizeTimestamp('2024-03-01T00:30:00.000000+0100')).toBe('2024-02-29T23:30:00.000000Z');
    expect(normalizeTimestamp('2023-12-31T23:30:00.5-0100')).toBe('2024-01-01T00:30:00.500000Z');
  });

  it('treats a string without an offset as UTC, with T or space', () => {
    expect(normalizeTimestamp('2018-05-06T17:44:05.866769')).toBe('2018-05-06T17:44:05.866769Z');
    expect(normalizeTimestamp('2018-05-06 17:44:05')).toBe('2018-05-06T17:44:05.000000Z');
    expect(normalizeTimestamp('2018-05-06T17:44')).toBe('2018-05-06T17:44:00.000000Z');
  });

  it('reads numbers as epoch seconds (float)', () => {
    expect(normalizeTimestamp(1525628645.866769)).toBe('2018-05-06T17:44:05.866769Z');
    expect(normalizeTimestamp(0)).toBe('1970-01-01T00:00:00.000000Z');
    expect(normalizeTimestamp(1525628645)).toBe('2018-05-06T17:44:05.000000Z');
    expect(normalizeTimestamp(-1.5)).toBe('1969-12-31T23:59:58.500000Z');
  });

  it('rejects impossible dates and malformed strings', () => {
    for (const bad of [
      '2018-13-06T17:44:05.866769Z',
      '2018-02-30T17:44:05.866769Z',
      '2019-02-29T00:00:00.000000Z',
      '2018-05-06T24:00:00.000000Z',
      '2018-05-06T17:60:05.866769Z',
      '2018-05-06T17:44:60.866769Z',
      '2018-05-06T17:44:05.86676xZ',
      '2018-05-06',
      '06/05/2018 17:44',
      'yesterday',
      '',
      '2018-05-06T17:44:05.866769+2500',
      '2018-05-06T17:44:05.1234567890Z',
    ]) {
      expect(normalizeTimestamp(bad), bad).toBeNull();
    }
  });

  it('rejects non-string non-number values', () => {
    expect(normalizeTimestamp(undefined)).toBeNull();
    expect(normalizeTimestamp(null)).toBeNull();
    expect(normalizeTimestamp([])).toBeNull();
    expect(normalizeTimestamp({})).toBeNull();
    expect(normalizeTimestamp(Number.NaN)).toBeNull();
    expect(normalizeTimestamp(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('accepts a leap day in a leap year on the fast path', () => {
    expect(normalizeTimestamp('2024-02-29T12:00:00.000000Z')).toBe('2024-02-29T12:00:00.000000Z');
    expect(normalizeTimestamp('2000-02-29T12:00:00.000000Z')).toBe('2000-02-29T12:00:00.000000Z');
    expect(normalizeTimestamp('1900-02-29T12:00:00.000000Z')).toBeNull();
  });

  it('always produces the canonical shape', () => {
    for (const v of ['2018-05-06T17:44:05Z', '2024-04-01T22:01:05.690463+0200', 1.25, '0001-01-01T00:00:00Z']) {
      expect(normalizeTimestamp(v)).toMatch(CANONICAL);
    }
  });
});
