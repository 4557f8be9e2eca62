import { describe, expect, it } from 'vitest';
import { normalizeDurationMs } from '../../src/events/normalize-duration.js';

describe('normalizeDurationMs', () => {
  it('converts ≤v2.6 float seconds, rounding to whole ms', () => {
    expect(normalizeDurationMs({ duration: 3.8759336471557617 })).toBe(3876);
    expect(normalizeDurationMs({ duration: 0 })).toBe(0);
    expect(normalizeDurationMs({ duration: 0.0004 })).toBe(0);
  });

  it('converts the v2.7–v3.0.3 "%.1f" string', () => {
    expect(normalizeDurationMs({ duration: '13.3' })).toBe(13300);
    expect(normalizeDurationMs({ duration: '0.1' })).toBe(100);
    expect(normalizeDurationMs({ duration: ' 2.0 ' })).toBe(2000);
  });

  it('uses v3.0.4+ duration_ms, preferring it over duration', () => {
    expect(normalizeDurationMs({ duration_ms: 13312 })).toBe(13312);
    expect(normalizeDurationMs({ duration_ms: 13312, duration: 99.9 })).toBe(13312);
    expect(normalizeDurationMs({ duration_ms: '250' })).toBe(250);
  });

  it('falls back to duration when duration_ms is unusable', () => {
    expect(normalizeDurationMs({ duration_ms: 'n/a', duration: 1.5 })).toBe(1500);
    expect(normalizeDurationMs({ duration_ms: null, duration: '1.5' })).toBe(1500);
  });

  it('gives null when neither is usable', () => {
    expect(normalizeDurationMs({})).toBeNull();
    expect(normalizeDurationMs({ duration: '' })).toBeNull();
    expect(normalizeDurationMs({ duration: 'abc' })).toBeNull();
    expect(normalizeDurationMs({ duration: [] })).toBeNull();
    expect(normalizeDurationMs({ duration: true })).toBeNull();
  });
});
