import { describe, expect, it } from 'vitest';
import { reserve, slotOffsetMs, type BucketState } from '../../src/rate-limit/token-bucket.js';

describe('token-bucket slots', () => {
  it('stay at least interval/perInterval apart over 20,000 reservations at irregular times (no floating-point early slot)', () => {
    const limit = { perInterval: 5, intervalMs: 1000 };
    let state: BucketState | null = null;
    let now = 1_700_000_000_001;
    let seed = 1;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const slots: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      now += Math.floor(rnd() * 300);
      const r = reserve(state, limit, now);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      state = r.state;
      slots.push(now + r.waitMs);
    }
    slots.sort((a, b) => a - b);
    const gaps = slots.slice(1).map((s, i) => s - slots[i]!);
    // Before the tolerance, 57 of these gaps were 199 ms: six requests in one second.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(200);
  });

  it('rounds a deficit up to the next whole millisecond, tolerating only sub-microsecond error', () => {
    const perMs = 5 / 1000;
    expect(slotOffsetMs(0.5, perMs)).toBe(0);
    expect(slotOffsetMs(-1, perMs)).toBe(200);
    expect(slotOffsetMs(-1.0000001, perMs)).toBe(201); // 200.00002 ms: a real fraction, rounded up
    expect(slotOffsetMs(-1 - 1e-15, perMs)).toBe(200); // float noise on an exact grid point
  });
});
