import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CowrieStore } from '@cowrieprocessor/core';
import { createSqlCache } from '../../src/cache/index.js';
import { refreshEnrichment } from '../../src/refresh/index.js';
import { passwordSha1 } from '../../src/services/hibp/hibp-range.js';
import { KNOWN_IP, KNOWN_SHA256, startFakeServices, type FakeServices } from '../support/fake-servers/index.js';
import { cacheFor, fakeClients, loadEnrichFixture, type EnrichFixture } from '../support/enrich-fixture.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/dialects.js';
import { tempDir } from '../support/cache-factories.js';

const IP_SERVICES = ['dshield', 'urlhaus', 'spur'] as const;

async function rows(store: CowrieStore, service?: string) {
  let q = store.db.selectFrom('enrichment').selectAll();
  if (service) q = q.where('service', '=', service);
  return q.execute();
}

describe.each(testDialects())('refreshEnrichment on %s', (dialect) => {
  let fakes: FakeServices;
  let dir: ReturnType<typeof tempDir>;
  const dbs: TestDatabase[] = [];
  const stores: CowrieStore[] = [];
  let store: CowrieStore;
  let fixture: EnrichFixture;

  const newStore = async () => {
    const t = createTestDatabase(dialect);
    dbs.push(t);
    const s = await t.open();
    stores.push(s);
    fixture = await loadEnrichFixture(s, dir.dir);
    return s;
  };

  beforeAll(async () => {
    fakes = await startFakeServices();
  });
  afterAll(async () => {
    await fakes.close();
  });
  beforeEach(async () => {
    dir = tempDir();
    store = await newStore();
    fakes.reset();
    fakes.clearFaults();
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const t of dbs.splice(0)) await t.drop();
    dir.remove();
  });

  it('enriches every source IP, download hash and password once, storing canonical rows per subject', async () => {
    const r = await refreshEnrichment(store, { cache: createSqlCache(store), clients: fakeClients(fakes) });
    expect({ ips: r.ips, files: r.files, passwords: r.passwords }).toEqual({ ips: fixture.ips.length, files: fixture.hashes.length, passwords: fixture.passwords.length });
    expect(r.apiCalls).toBe(fakes.requests.length);
    for (const s of IP_SERVICES) expect(r.services[s]?.apiCalls, s).toBe(fixture.ips.length);
    expect(r.services.virustotal).toMatchObject({ apiCalls: 4, notFound: 3, written: 4 });
    expect(r.failures).toBe(0);
    for (const s of IP_SERVICES) expect((await rows(store, s)).length).toBe(fixture.ips.length);
    const dshield = (await rows(store, 'dshield')).find((x) => x.subject === KNOWN_IP)!;
    const v = (typeof dshield.value === 'string' ? JSON.parse(dshield.value) : dshield.value) as { country: string; asn: number };
    expect(v).toMatchObject({ country: 'US', asn: 7922 });
    const vt = (await rows(store, 'virustotal')).find((x) => x.subject === KNOWN_SHA256)!;
    expect(vt.status).toBe('found');
    // Passwords are stored by SHA-1, never in clear.
    const pw = await rows(store, 'hibp');
    expect(pw.map((x) => x.subject).sort()).toEqual(fixture.passwords.map(passwordSha1).sort());
    for (const x of pw) expect(fixture.passwords).not.toContain(x.subject);
    for (const p of ['hunter2', 'x9!unique-pass']) expect(JSON.stringify(pw)).not.toContain(p);
    const stats = await store.db.selectFrom('enrichment_stats').selectAll().execute();
    expect(stats.reduce((n, s) => n + Number(s.api_calls), 0)).toBe(r.apiCalls);
  });

  it('a second refresh makes zero API calls', async () => {
    const clients = fakeClients(fakes);
    await refreshEnrichment(store, { cache: createSqlCache(store), clients });
    fakes.reset();
    const r = await refreshEnrichment(store, { cache: createSqlCache(store), clients });
    expect(fakes.requests.length).toBe(0);
    expect(r.apiCalls).toBe(0);
    expect(r.ips).toBe(0);
  });

  it('a fresh database with the same disk cache makes zero API calls', async () => {
    const spec = `disk:${dir.dir}/cache`;
    await refreshEnrichment(store, { cache: cacheFor(store, spec), clients: fakeClients(fakes) });
    const fresh = await newStore();
    fakes.reset();
    const r = await refreshEnrichment(fresh, { cache: cacheFor(fresh, spec), clients: fakeClients(fakes) });
    expect(fakes.requests.length).toBe(0);
    expect(r.apiCalls).toBe(0);
    expect(r.ips).toBe(fixture.ips.length);
    expect(r.files).toBe(fixture.hashes.length);
    expect(r.cacheHits).toBeGreaterThan(0);
    expect((await rows(fresh)).length).toBe((await rows(store)).length);
  });

  it('--offline makes zero API calls: a cold cache enriches nothing, a warm one everything', async () => {
    const spec = `hybrid:${dir.dir}/cache`;
    const cold = await refreshEnrichment(store, { cache: cacheFor(store, spec), clients: fakeClients(fakes), offline: true });
    expect(fakes.requests.length).toBe(0);
    expect(cold.ips).toBe(0);
    expect(cold.skipped).toBeGreaterThan(0);
    expect((await rows(store)).length).toBe(0);
    const other = await newStore();
    await refreshEnrichment(other, { cache: cacheFor(other, spec), clients: fakeClients(fakes) });
    fakes.reset();
    const warm = await refreshEnrichment(store, { cache: cacheFor(store, spec), clients: fakeClients(fakes), offline: true });
    expect(fakes.requests.length).toBe(0);
    expect(warm.ips).toBe(fixture.ips.length);
  });

  it('failures are counted, cached briefly as errors and never as data, and retried after the error TTL', async () => {
    const cache = createSqlCache(store);
    const clients = fakeClients(fakes);
    fakes.setFault('spur', { kind: 'server-error', status: 503 });
    fakes.setFault('dshield', { kind: 'malformed' });
    const r = await refreshEnrichment(store, { cache, clients });
    expect(r.services.spur?.failures).toBe(fixture.ips.length);
    expect(r.services.dshield?.failures).toBe(fixture.ips.length);
    expect(r.failures).toBe(2 * fixture.ips.length);
    for (const s of ['spur', 'dshield']) {
      expect((await rows(store, s)).length, s).toBe(0);
      const cached = await store.db.selectFrom('enrichment_cache').selectAll().where('service', '=', s).execute();
      expect(cached.length).toBe(fixture.ips.length);
      for (const c of cached) {
        expect(c.status).toBe('error');
        expect(Date.parse(c.expires_at) - Date.parse(c.created_at)).toBe(10 * 60_000);
      }
    }
    expect((await rows(store, 'urlhaus')).length).toBe(fixture.ips.length); // other services unaffected
    // Within the error TTL: not asked again.
    fakes.clearFaults();
    fakes.reset();
    const again = await refreshEnrichment(store, { cache, clients });
    expect(fakes.requestsFor('spur').length).toBe(0);
    expect(again.services.spur?.skipped).toBe(fixture.ips.length);
    // After it: asked again, and stored.
    await cache.cleanup(new Date(Date.now() + 11 * 60_000));
    const later = await refreshEnrichment(store, { cache, clients });
    expect(later.services.spur?.apiCalls).toBe(fixture.ips.length);
    expect((await rows(store, 'spur')).length).toBe(fixture.ips.length);
  });

  it('is resumable: --limit commits part, the next run does only the rest', async () => {
    const cache = createSqlCache(store);
    const clients = fakeClients(fakes);
    const first = await refreshEnrichment(store, { cache, clients, services: ['dshield'], limit: 5, batchSize: 2 });
    expect(first.services.dshield).toMatchObject({ candidates: 5, written: 5, apiCalls: 5 });
    fakes.reset();
    const rest = await refreshEnrichment(store, { cache, clients, services: ['dshield'] });
    expect(rest.services.dshield).toMatchObject({ candidates: fixture.ips.length - 5, apiCalls: fixture.ips.length - 5 });
    expect(fakes.requestsFor('dshield').length).toBe(fixture.ips.length - 5);
    expect(Object.keys(rest.services)).toEqual(['dshield']);
  });

  it('reports a service without credentials as disabled and asks it nothing', async () => {
    const clients = fakeClients(fakes, { COWRIE_VT_KEY: '' });
    const r = await refreshEnrichment(store, { cache: createSqlCache(store), clients, services: ['virustotal', 'dshield'] });
    expect(r.services.virustotal?.disabled).toMatch(/virustotal|VT|key/i);
    expect(fakes.requestsFor('virustotal').length).toBe(0);
    expect(r.services.dshield?.written).toBe(fixture.ips.length);
  });
});
