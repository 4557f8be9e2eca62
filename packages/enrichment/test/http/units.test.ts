import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY_POLICY } from '../../src/http/backoff.js';
import { CircuitBreaker } from '../../src/http/circuit-breaker.js';
import { parseRetryAfter } from '../../src/http/retry-after.js';
import { ServiceUnavailableError } from '../../src/errors.js';
import { reserve } from '../../src/rate-limit/token-bucket.js';

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, never negative', () => {
    const now = new Date('2015-10-21T07:27:00Z');
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('1.5')).toBe(1500);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(['3', '9'])).toBe(3000);
    for (const v of [undefined, '', 'soon']) expect(parseRetryAfter(v)).toBeNull();
  });
});

describe('backoffDelay', () => {
  it('is full jitter under an exponentially growing, capped ceiling', () => {
    expect(backoffDelay(0, DEFAULT_RETRY_POLICY, () => 0)).toBe(0);
    expect(backoffDelay(0, DEFAULT_RETRY_POLICY, () => 0.999999)).toBe(999);
    expect(backoffDelay(3, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(4000);
    expect(backoffDelay(20, DEFAULT_RETRY_POLICY, () => 0.999999)).toBe(29_999);
  });
});

describe('CircuitBreaker (clock injected)', () => {
  it('opens at the threshold, lets one trial through when half-open, and ignores non-service errors', async () => {
    let now = 0;
    const b = new CircuitBreaker('spur', { failureThreshold: 2, cooldownMs: 1000, now: () => now });
    const fail = () => Promise.reject(new ServiceUnavailableError('spur', 'HTTP 503'));
    await expect(b.run(() => Promise.reject(new Error('caller abort')))).rejects.toThrow('caller abort');
    await expect(b.run(fail)).rejects.toThrow('503');
    expect(b.state).toBe('closed');
    await expect(b.run(fail)).rejects.toThrow('503');
    expect(b.state).toBe('open');
    await expect(b.run(() => Promise.resolve(1))).rejects.toMatchObject({ code: 'ENRICHMENT_CIRCUIT_OPEN' });
    now = 1000;
    let release: (v: number) => void = () => undefined;
    const trial = b.run(() => new Promise<number>((r) => { release = r; }));
    await expect(b.run(() => Promise.resolve(2))).rejects.toMatchObject({ code: 'ENRICHMENT_CIRCUIT_OPEN' }); // one trial at a time
    release(7);
    expect(await trial).toBe(7);
    expect(b.state).toBe('closed');
  });
});

describe('token bucket reserve', () => {
  const limit = { perInterval: 4, intervalMs: 60_000, daily: 2 };
  it('reserves slots 15 s apart, counts the UTC day, and resets it at midnight', () => {
    const t0 = Date.parse('2025-01-01T23:59:00Z');
    const a = reserve(null, limit, t0);
    expect(a).toMatchObject({ ok: true, waitMs: 0 });
    const b = reserve(a.state, limit, t0 + 1000);
    expect(b).toMatchObject({ ok: true, waitMs: 14_000 });
    const c = reserve(b.state, limit, t0 + 2000);
    expect(c).toMatchObject({ ok: false, resetsAt: '2025-01-02T00:00:00.000Z' });
    const d = reserve(c.state, limit, t0 + 61_000); // next UTC day
    expect(d).toMatchObject({ ok: true, state: { day: '2025-01-02', dayCount: 1 } });
  });

  it('a caller with an earlier clock reading gets the slot after the bucket\'s last update, and mints no tokens', () => {
    const a = reserve(null, { perInterval: 1, intervalMs: 1000 }, 10_000);
    const b = reserve(a.state, { perInterval: 1, intervalMs: 1000 }, 5_000);
    expect(b.ok && b.waitMs).toBe(6000); // slot at 11 000 = 1 s after the grant at 10 000
    expect(b.state).toMatchObject({ updatedMs: 10_000, tokens: -1 });
  });
});
