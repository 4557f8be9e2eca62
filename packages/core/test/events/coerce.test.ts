import { describe, expect, it } from 'vitest';
import {
  readBool,
  readInt,
  readLowerHex,
  readNumber,
  readRecord,
  readString,
  readStringList,
} from '../../src/events/coerce.js';

describe('field readers', () => {
  it('readString accepts only strings', () => {
    expect(readString('')).toBe('');
    expect(readString('x')).toBe('x');
    expect(readString(1)).toBeNull();
    expect(readString(null)).toBeNull();
  });

  it('readInt accepts whole numbers and digit strings', () => {
    expect(readInt(22)).toBe(22);
    expect(readInt('22')).toBe(22);
    expect(readInt('-1')).toBe(-1);
    expect(readInt(0)).toBe(0);
    expect(readInt(1.5)).toBeNull();
    expect(readInt('22a')).toBeNull();
    expect(readInt(' 22')).toBeNull();
    expect(readInt('')).toBeNull();
    expect(readInt('-')).toBeNull();
    expect(readInt('1234567890123456')).toBeNull();
    expect(readInt(Number.NaN)).toBeNull();
    expect(readInt(true)).toBeNull();
  });

  it('readNumber accepts finite numbers and numeric strings', () => {
    expect(readNumber(3.5)).toBe(3.5);
    expect(readNumber('13.3')).toBe(13.3);
    expect(readNumber('')).toBeNull();
    expect(readNumber('x')).toBeNull();
    expect(readNumber(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('readBool accepts booleans and their string spellings', () => {
    expect(readBool(true)).toBe(true);
    expect(readBool('true')).toBe(true);
    expect(readBool('False')).toBe(false);
    expect(readBool(0)).toBeNull();
    expect(readBool('yes')).toBeNull();
  });

  it('readStringList returns the same array or null', () => {
    const list = ['a', ''];
    expect(readStringList(list)).toBe(list);
    expect(readStringList([])).toEqual([]);
    expect(readStringList(['a', 1])).toBeNull();
    expect(readStringList('a')).toBeNull();
  });

  it('readRecord accepts plain objects only', () => {
    const o = { a: 1 };
    expect(readRecord(o)).toBe(o);
    expect(readRecord([])).toBeNull();
    expect(readRecord(null)).toBeNull();
  });

  it('readLowerHex lower-cases', () => {
    expect(readLowerHex('ABCdef')).toBe('abcdef');
    expect(readLowerHex(5)).toBeNull();
  });
});
