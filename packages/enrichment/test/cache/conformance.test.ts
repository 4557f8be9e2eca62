import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEntry, type CacheEntry, type EnrichmentCache } from '../../src/cache/index.js';
import type { ServiceName } from '../../src/services/types.js';
import { cacheFactories, type CacheUnderTest } from '../support/cache-factories.js';

const DAY = 86_400_000;
const NOW = new Date();
const VT = '0c415dd718e3b3728707d579cf8214f54c2942e964975a5f925e0b82fea644b4';
const ISC = { ip: { number: '192.0.2.10', count: 3, attacks: 2, asname: 'EXAMPLE-AS', ascountry: 'NL', threatfeeds: { forumspam: { firstseen: '2020-01-15', lastseen: '2020-01-15' } } } };

/** Entries covering every service, every status and the key forms each service uses. */
function sampleEntries(now = NOW): CacheEntry[] {
  return [
    makeEntry('dshield', '192.0.2.10', 'found', ISC, now),
    makeEntry('dshield', '2001:db8::1', 'found', { ip: { number: '2001:db8::1', count: null } }, now),
    makeEntry('virustotal', VT, 'found', { data: { id: VT, attributes: { names: ['x86_64', 'bins.sh'], last_analysis_stats: { malicious: 38 } } } }, now),
    makeEntry('virustotal', 'f'.repeat(64), 'not_found', { error: { code: 'NotFoundError', message: 'File not found' } }, now),
    makeEntry('urlhaus', '198.51.100.7', 'found', { query_status: 'ok', urls: [{ tags: ['mirai', 'elf'] }], note: 'ünïcødé ✓' }, now),
    makeEntry('urlhaus', '198.51.100.8', 'not_found', { query_status: 'no_results' }, now),
    makeEntry('spur', '203.0.113.5', 'found', { ip: '203.0.113.5', infrastructure: 'DATACENTER', risks: ['TUNNEL'], tunnels: [{ anonymous: true, entries: ['203.0.113.5'] }] }, now),
    makeEntry('hibp', '5BAA6', 'found', { '1E4C9B93F3F0682250B6CF8331B7EE68FD8': 3861493, '011053FD0102E94D6AE2F8B83D76FAF94F6': 1 }, now),
    makeEntry('dshield', '192.0.2.99', 'error', { message: 'dshield: HTTP 503', code: 'ENRICHMENT_UNAVAILABLE' }, now),
  ];
}

function expectSameEntry(actual: CacheEntry | null | undefined, want: CacheEntry): void {
  expect(actual, `${want.service}/${want.key}`).not.toBeNull();
  const a = actual!;
  expect({ service: a.service, key: a.key, status: a.status, value: a.value }).toEqual({ service: want.service, key: want.key, status: want.status, value: want.value });
  // The disk tier keeps expiry in a file mtime: allow its (sub-second) rounding.
  expect(Math.abs(Date.parse(a.expiresAt) - Date.parse(want.expiresAt))).toBeLessThan(1000);
  expect(Math.abs(Date.parse(a.createdAt) - Date.parse(want.createdAt))).toBeLessThan(1000);
  expect(a.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
}

describe.each(cacheFactories())('EnrichmentCache conformance: %s', (_name, make) => {
  let t: CacheUnderTest;
  let cache: EnrichmentCache;
  beforeEach(async () => {
    t = await make();
    cache = t.cache;
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('declares a name and its capabilities', () => {
    expect(['memory', 'disk', 'sql', 'hybrid']).toContain(cache.name);
    for (const k of ['batchGet', 'persistent', 'shared'] as const) expect(typeof cache.capabilities[k]).toBe('boolean');
  });

  it('answers null / an empty map for keys it never saw', async () => {
    expect(await cache.get('dshield', '192.0.2.1')).toBeNull();
    expect((await cache.getMany('dshield', ['192.0.2.1', '192.0.2.2'])).size).toBe(0);
    expect((await cache.getMany('dshield', [])).size).toBe(0);
  });

  it('returns what was set, for every service, status and key form', async () => {
    const entries = sampleEntries();
    for (const e of entries) await cache.set(e);
    for (const e of entries) expectSameEntry(await cache.get(e.service, e.key), e);
  });

  it('keeps services apart: the same key under two services is two entries', async () => {
    const a = makeEntry('dshield', '192.0.2.10', 'found', { ip: { number: '192.0.2.10', count: 1 } });
    const b = makeEntry('urlhaus', '192.0.2.10', 'found', { query_status: 'ok', urls: [] });
    await cache.set(a);
    await cache.set(b);
    expectSameEntry(await cache.get('dshield', '192.0.2.10'), a);
    expectSameEntry(await cache.get('urlhaus', '192.0.2.10'), b);
    expect(await cache.get('spur', '192.0.2.10')).toBeNull();
  });

  it('replaces an entry on set: the latest answer (and status) wins', async () => {
    const key = '192.0.2.50';
    await cache.set(makeEntry('dshield', key, 'error', { message: 'timeout' }));
    expect((await cache.get('dshield', key))?.status).toBe('error');
    const found = makeEntry('dshield', key, 'found', ISC);
    await cache.set(found);
    expectSameEntry(await cache.get('dshield', key), found);
    const vtFound = makeEntry('virustotal', VT, 'found', { data: { id: VT } });
    await cache.set(makeEntry('virustotal', VT, 'not_found', { error: 'not_found' }));
    await cache.set(vtFound);
    expectSameEntry(await cache.get('virustotal', VT), vtFound);
  });

  it('getMany answers only present, fresh keys, in one map (hundreds of keys, duplicates allowed)', async () => {
    const keys = Array.from({ length: 300 }, (_, i) => `10.0.${Math.floor(i / 250)}.${i % 250}`);
    for (const k of keys.filter((_, i) => i % 3 === 0)) await cache.set(makeEntry('dshield', k, 'found', { ip: { number: k } }));
    await cache.set(makeEntry('dshield', keys[1]!, 'found', { ip: { number: keys[1] } }, new Date(NOW.getTime() - 30 * DAY)));
    const got = await cache.getMany('dshield', [...keys, keys[0]!, '10.9.9.9']);
    expect([...got.keys()].sort()).toEqual(keys.filter((_, i) => i % 3 === 0).sort());
    for (const [k, e] of got) expect(e.value).toEqual({ ip: { number: k } });
  });

  it('treats an entry as absent once it expires (expiry exclusive), for get and getMany', async () => {
    const e = makeEntry('urlhaus', '198.51.100.9', 'found', { query_status: 'ok' });
    await cache.set(e);
    const justBefore = new Date(Date.parse(e.expiresAt) - 2000);
    const after = new Date(Date.parse(e.expiresAt) + 2000);
    expect(await cache.get('urlhaus', e.key, justBefore)).not.toBeNull();
    expect(await cache.get('urlhaus', e.key, after)).toBeNull();
    expect((await cache.getMany('urlhaus', [e.key], after)).size).toBe(0);
  });

  it('errors expire after minutes, not days', async () => {
    const e = makeEntry('spur', '203.0.113.9', 'error', { message: 'HTTP 500' });
    await cache.set(e);
    expect(Date.parse(e.expiresAt) - Date.parse(e.createdAt)).toBe(10 * 60_000);
    expect(await cache.get('spur', e.key, new Date(NOW.getTime() + 11 * 60_000))).toBeNull();
  });

  it('delete removes one entry and leaves the others', async () => {
    const [a, b] = sampleEntries();
    await cache.set(a!);
    await cache.set(b!);
    await cache.delete(a!.service, a!.key);
    expect(await cache.get(a!.service, a!.key)).toBeNull();
    expectSameEntry(await cache.get(b!.service, b!.key), b!);
    await cache.delete('dshield', 'never-set'); // no throw
  });

  it('cleanup removes expired entries only and says how many', async () => {
    const old = new Date(NOW.getTime() - 100 * DAY);
    const stale = [makeEntry('dshield', '192.0.2.200', 'found', ISC, old), makeEntry('urlhaus', '192.0.2.201', 'found', { query_status: 'ok' }, old), makeEntry('virustotal', VT, 'found', { data: { id: VT } }, old)];
    const fresh = sampleEntries().slice(0, 3).filter((e) => e.key !== VT);
    for (const e of [...stale, ...fresh]) await cache.set(e);
    const n = await cache.cleanup(NOW);
    if (cache.name === 'hybrid') expect(n).toBeGreaterThanOrEqual(stale.length); // counted per tier
    else expect(n).toBe(stale.length);
    for (const e of stale) expect(await cache.get(e.service, e.key, old)).toBeNull();
    for (const e of fresh) expectSameEntry(await cache.get(e.service, e.key), e);
    expect(await cache.cleanup(NOW)).toBe(0);
  });

  it('returns copies: changing a returned value does not change the cache', async () => {
    const e = makeEntry('hibp', 'ABCDE', 'found', { '0018A45C4D1DEF81644B54AB7F969B88D65': 1 });
    await cache.set(e);
    const got = await cache.get('hibp', 'ABCDE');
    (got!.value as Record<string, number>)['0018A45C4D1DEF81644B54AB7F969B88D65'] = 99;
    expect((await cache.get('hibp', 'ABCDE'))!.value).toEqual(e.value);
  });

  it('serves concurrent sets and gets of many keys', async () => {
    const services: ServiceName[] = ['dshield', 'urlhaus', 'spur'];
    const entries = services.flatMap((s) => Array.from({ length: 40 }, (_, i) => makeEntry(s, `172.16.0.${i}`, 'found', { s, i })));
    await Promise.all(entries.map((e) => cache.set(e)));
    const got = await Promise.all(services.map((s) => cache.getMany(s, entries.filter((e) => e.service === s).map((e) => e.key))));
    expect(got.map((m) => m.size)).toEqual([40, 40, 40]);
  });
});
