import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CowrieStore } from '@cowrieprocessor/core';
import { createSqlCache } from '../../src/cache/index.js';
import { topIpsWithReputation } from '../../src/query/index.js';
import { refreshEnrichment } from '../../src/refresh/index.js';
import { enrichmentStatus } from '../../src/status/index.js';
import { KNOWN_IP, startFakeServices, type FakeServices } from '../support/fake-servers/index.js';
import { fakeClients, loadEnrichFixture, type EnrichFixture } from '../support/enrich-fixture.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/dialects.js';
import { tempDir } from '../support/cache-factories.js';

describe.each(testDialects())('enrichment status and query exposure on %s', (dialect) => {
  let fakes: FakeServices;
  let db: TestDatabase;
  let store: CowrieStore;
  let dir: ReturnType<typeof tempDir>;
  let fixture: EnrichFixture;
  beforeAll(async () => {
    fakes = await startFakeServices();
    dir = tempDir();
    db = createTestDatabase(dialect);
    store = await db.open();
    fixture = await loadEnrichFixture(store, dir.dir);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
    dir.remove();
    await fakes.close();
  });

  it('status before any refresh: everything seen, nothing fresh', async () => {
    const s = await enrichmentStatus(store);
    expect(s.services.dshield).toMatchObject({ subjectType: 'ip', seen: fixture.ips.length, fresh: 0, expired: 0, missing: fixture.ips.length, freshShare: 0 });
    expect(s.services.virustotal.seen).toBe(fixture.hashes.length);
    expect(s.services.hibp.seen).toBe(fixture.passwords.length);
    expect(s.services.dshield.stats.hitRate).toBeNull();
  });

  it('status after a refresh: full coverage; expired entries counted later; hit rate from the stats', async () => {
    const cache = createSqlCache(store);
    await refreshEnrichment(store, { cache, clients: fakeClients(fakes), services: ['dshield', 'virustotal', 'hibp'], limit: 6 });
    let s = await enrichmentStatus(store);
    expect(s.services.dshield).toMatchObject({ fresh: 6, missing: fixture.ips.length - 6 });
    expect(s.services.dshield.freshShare).toBeCloseTo(6 / fixture.ips.length, 3);
    expect(s.services.spur.fresh).toBe(0);
    expect(s.services.dshield.stats).toMatchObject({ apiCalls: 6, cacheHits: 0, hitRate: 0 });
    expect(s.services.dshield.cache).toMatchObject({ entries: 6, expired: 0, errors: 0 });
    s = await enrichmentStatus(store, {}, new Date(Date.now() + 8 * 86_400_000)); // DShield TTL is 7 d
    expect(s.services.dshield).toMatchObject({ fresh: 0, expired: 6 });
    expect(s.services.dshield.cache.expired).toBe(6);
    // A window before the capture sees nothing.
    s = await enrichmentStatus(store, { until: '2020-01-01T00:00:00.000000Z' });
    expect(s.services.dshield).toMatchObject({ seen: 0, freshShare: null });
  });

  it('topIpsWithReputation joins the stored enrichment once per IP: country, ASN and reputation', async () => {
    await refreshEnrichment(store, { cache: createSqlCache(store), clients: fakeClients(fakes), services: ['dshield', 'urlhaus', 'spur'] });
    const top = await topIpsWithReputation(store, {}, 50);
    expect(top.length).toBe(fixture.ips.length);
    const known = top.find((t) => t.value === KNOWN_IP)!;
    expect(known).toMatchObject({ count: 1, country: 'US', asn: 7922 });
    expect(known.reputation?.sources).toEqual(['dshield', 'urlhaus', 'spur']);
    expect(known.reputation?.urlhaus?.tags).toEqual(['elf', 'mirai']);
    expect(known.reputation?.spur?.infrastructure).toBe('DATACENTER');
    const windowed = await topIpsWithReputation(store, { since: '2030-01-01T00:00:00.000000Z' }, 5);
    expect(windowed).toEqual([]);
  });
});
