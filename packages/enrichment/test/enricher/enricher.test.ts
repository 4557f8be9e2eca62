import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEnricher } from '../../src/enricher/index.js';
import { createMemoryCache, makeEntry } from '../../src/cache/index.js';
import type { DshieldIpInfo, FileReport, PasswordExposure } from '../../src/services/types.js';
import { KNOWN_IP, KNOWN_SHA256, PWNED_PASSWORD, startFakeServices, type FakeServices } from '../support/fake-servers/index.js';
import { fakeClients } from '../support/enrich-fixture.js';

describe('enricher: cache + client orchestration', () => {
  let fakes: FakeServices;
  beforeAll(async () => {
    fakes = await startFakeServices();
  });
  afterAll(async () => {
    await fakes.close();
  });
  beforeEach(() => {
    fakes.reset();
    fakes.clearFaults();
  });

  it('fetches a miss, caches the raw answer with the service TTL, and serves the next lookup from the cache', async () => {
    const cache = createMemoryCache();
    const e = createEnricher({ cache, clients: fakeClients(fakes) });
    const first = await e.lookup<DshieldIpInfo>('dshield', KNOWN_IP);
    expect(first).toMatchObject({ status: 'found', source: 'api' });
    expect(first.value?.country).toBe('US');
    const raw = await cache.get('dshield', KNOWN_IP);
    expect(raw?.value).toHaveProperty('ip'); // the raw ISC answer, not our canonical shape
    expect(Date.parse(raw!.expiresAt) - Date.parse(raw!.createdAt)).toBe(7 * 86_400_000);
    const second = await e.lookup<DshieldIpInfo>('dshield', KNOWN_IP);
    expect(second).toMatchObject({ status: 'found', source: 'cache' });
    expect(second.value).toEqual(first.value);
    expect(fakes.requestsFor('dshield').length).toBe(1);
    expect(e.counters.dshield).toMatchObject({ apiCalls: 1, cacheHits: 1, failures: 0 });
  });

  it('caches VirusTotal unknown files as not_found for 12 h', async () => {
    const cache = createMemoryCache();
    const e = createEnricher({ cache, clients: fakeClients(fakes) });
    const unknown = 'f'.repeat(64);
    const r = await e.lookup<FileReport>('virustotal', unknown);
    expect(r.status).toBe('not_found');
    expect(r.value?.known).toBe(false);
    const c = await cache.get('virustotal', unknown);
    expect(Date.parse(c!.expiresAt) - Date.parse(c!.createdAt)).toBe(12 * 3_600_000);
    expect((await e.lookup<FileReport>('virustotal', KNOWN_SHA256)).value?.maliciousCount).toBe(38);
  });

  it('looks passwords up by SHA-1 prefix only, one request per prefix', async () => {
    const e = createEnricher({ cache: createMemoryCache(), clients: fakeClients(fakes) });
    const m = await e.lookupMany<PasswordExposure>('hibp', [PWNED_PASSWORD, PWNED_PASSWORD, 'not-in-any-breach-9f8e7d']);
    expect(m.get(PWNED_PASSWORD)?.value).toMatchObject({ pwned: true, count: 3861493 });
    expect(m.get('not-in-any-breach-9f8e7d')?.value?.pwned).toBe(false);
    for (const q of fakes.requestsFor('hibp')) expect(q.path).toMatch(/^\/range\/[0-9A-F]{5}$/);
    expect(JSON.stringify(fakes.requests)).not.toContain(PWNED_PASSWORD);
  });

  it('a failure is a result (never thrown), cached briefly as an error, and not retried within its TTL', async () => {
    const cache = createMemoryCache();
    const e = createEnricher({ cache, clients: fakeClients(fakes) });
    fakes.setFault('urlhaus', { kind: 'server-error', status: 502 });
    const r = await e.lookup('urlhaus', KNOWN_IP);
    expect(r).toMatchObject({ status: 'error', value: null });
    expect((await cache.get('urlhaus', KNOWN_IP))?.status).toBe('error');
    const n = fakes.requestsFor('urlhaus').length;
    const again = await e.lookup('urlhaus', KNOWN_IP);
    expect(again.status).toBe('error');
    expect(again.reason).toMatch(/recently failed/);
    expect(fakes.requestsFor('urlhaus').length).toBe(n);
    expect(e.counters.urlhaus).toMatchObject({ failures: 1, skipped: 1, cacheHits: 0 });
  });

  it('offline answers from the cache only; a disabled service is never asked', async () => {
    const cache = createMemoryCache();
    await cache.set(makeEntry('dshield', '192.0.2.1', 'found', { ip: { number: '192.0.2.1', count: 4, ascountry: 'FR' } }));
    const off = createEnricher({ cache, clients: fakeClients(fakes), offline: true });
    expect((await off.lookup<DshieldIpInfo>('dshield', '192.0.2.1')).value?.country).toBe('FR');
    expect((await off.lookup('dshield', '192.0.2.2')).status).toBe('skipped');
    const disabled = createEnricher({ cache, clients: fakeClients(fakes, { COWRIE_SPUR_KEY: '' }) });
    expect(disabled.available('spur')).toBe(false);
    expect((await disabled.lookup('spur', '192.0.2.3')).status).toBe('skipped');
    expect(fakes.requests.length).toBe(0);
  });

  it('a cached answer that cannot be normalised is a counted failure, not a crash', async () => {
    const cache = createMemoryCache();
    await cache.set(makeEntry('virustotal', KNOWN_SHA256, 'found', { data: 'unexpected' }));
    const real = fakeClients(fakes).virustotal;
    const strict = { ...real, normalize: (): never => { throw new Error('unexpected shape'); } };
    const e = createEnricher({ cache, clients: { virustotal: strict }, offline: true });
    const r = await e.lookup('virustotal', KNOWN_SHA256);
    expect(r).toMatchObject({ status: 'error', value: null });
    expect(r.reason).toMatch(/unexpected shape/);
    expect(e.counters.virustotal.failures).toBe(1);
    expect((await cache.get('virustotal', KNOWN_SHA256))?.status).toBe('found'); // the raw answer stays for a better normaliser
  });
});
