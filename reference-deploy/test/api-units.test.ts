/**
 * The API's small parts on their own: key parsing and lookup, the token bucket, the answer
 * cache's staleness bound and single flight, and rate/config parsing.
 */
import { describe, expect, it } from 'vitest';
import { createAnswerCache } from '../src/api/answer-cache.js';
import { parseRate, resolveApiConfig } from '../src/api/config.js';
import { createRateLimiter } from '../src/api/rate-limiter.js';
import { bearerToken, findApiKey, parseApiKeys } from '../src/shared/api-keys.js';

describe('API keys', () => {
  it('parses scopes (read by default), finds keys, refuses short keys and unknown scopes', () => {
    const keys = parseApiKeys(' reader-key-0123456789 , operator-key-0123456:read+jobs ,');
    expect(keys.map((k) => [...k.scopes])).toEqual([['read'], ['read', 'jobs']]);
    expect(findApiKey(keys, 'operator-key-0123456')?.id).toBe(keys[1]!.id);
    expect(findApiKey(keys, 'operator-key-0123457')).toBeNull();
    expect(findApiKey(keys, '')).toBeNull();
    expect(() => parseApiKeys('short:read')).toThrow(/entry 1: a key needs at least 16/);
    expect(() => parseApiKeys('reader-key-0123456789:admin')).toThrow(/unknown scope "admin"/);
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
  });
});

describe('rate limiter', () => {
  it('spends a burst, refills at the rate, keeps keys apart', () => {
    let t = 0;
    const l = createRateLimiter({ perSecond: 2, burst: 2 }, () => t);
    expect([l.take('a').allowed, l.take('a').allowed, l.take('a').allowed]).toEqual([true, true, false]);
    expect(l.take('b').allowed).toBe(true);
    t = 500;
    expect(l.take('a').allowed).toBe(true);
    expect(l.take('a')).toMatchObject({ allowed: false, retryAfter: 1 });
    expect(parseRate('600/min')).toEqual({ perSecond: 10, burst: 10 });
    expect(parseRate('100/s:400')).toEqual({ perSecond: 100, burst: 400 });
    expect(() => parseRate('fast')).toThrow(/N\/s/);
  });
});

describe('answer cache', () => {
  it('serves fresh, then stale while one refresh runs, never older than 5 s', async () => {
    let t = 0;
    let calls = 0;
    const c = createAnswerCache(2000, 100, () => t);
    const compute = async () => ++calls;
    expect(await c.get('k', compute)).toMatchObject({ value: 1, outcome: 'miss' });
    t = 1999;
    expect(await c.get('k', compute)).toMatchObject({ value: 1, outcome: 'hit' });
    t = 2500;
    expect(await c.get('k', compute)).toMatchObject({ value: 1, outcome: 'stale' });
    await new Promise((r) => setImmediate(r));
    expect(calls).toBe(2);
    t = 2600;
    expect(await c.get('k', compute)).toMatchObject({ value: 2, outcome: 'hit' });
    t = 2500 + 5000;
    expect(await c.get('k', compute)).toMatchObject({ value: 3, outcome: 'miss' });
  });

  it('shares one computation between concurrent misses and caches no error', async () => {
    let calls = 0;
    const c = createAnswerCache(2000);
    const slow = () => new Promise<number>((r) => setTimeout(() => r(++calls), 20));
    const all = await Promise.all([c.get('x', slow), c.get('x', slow), c.get('x', slow)]);
    expect(all.map((a) => a.value)).toEqual([1, 1, 1]);
    await expect(c.get('y', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await c.get('y', async () => 7)).toMatchObject({ value: 7, outcome: 'miss' });
  });
});

describe('config', () => {
  it('reads env, lets flags win, and refuses --no-auth off loopback and caches above 5 s', () => {
    const env = { COWRIE_API_KEYS: 'reader-key-0123456789', COWRIE_DB: 'a.sqlite', COWRIE_DB_READ: 'b.sqlite', COWRIE_API_PORT: '9000' };
    const c = resolveApiConfig({}, env);
    expect([c.port, c.db, c.corsOrigin, c.cacheMs]).toEqual([9000, 'b.sqlite', null, 2000]);
    expect(resolveApiConfig({ port: 1, db: 'c.sqlite' }, env)).toMatchObject({ port: 1, db: 'c.sqlite' });
    expect(() => resolveApiConfig({ noAuth: true, host: '0.0.0.0' }, {})).toThrow(/loopback/);
    expect(resolveApiConfig({ noAuth: true }, {}).noAuth).toBe(true);
    expect(() => resolveApiConfig({ cacheMs: 6000 }, env)).toThrow(/0 to 5000/);
  });
});
