import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskCache, createHybridCache, createMemoryCache, createSqlCache, makeEntry, type EnrichmentCache, type SqlCache } from '../../src/cache/index.js';
import { PRED, writePredecessorCache } from '../support/predecessor-cache-fixture.js';
import { tempDir, tempStore } from '../support/cache-factories.js';

/** A tier whose every operation fails (a database gone away, a full disk). */
function brokenTier(name: string): EnrichmentCache {
  const fail = async (): Promise<never> => {
    throw new Error(`${name} is down`);
  };
  return { name, capabilities: { batchGet: true, persistent: true, shared: true }, get: fail, getMany: fail, set: fail, delete: fail, cleanup: fail, close: fail };
}

describe('hybrid cache', () => {
  let d: ReturnType<typeof tempDir>;
  let s: Awaited<ReturnType<typeof tempStore>>;
  let sql: SqlCache;
  beforeEach(async () => {
    d = tempDir();
    writePredecessorCache(d.dir);
    s = await tempStore('sqlite');
    sql = createSqlCache(s.store);
  });
  afterEach(async () => {
    await s.dispose();
    d.remove();
  });

  it('answers from disk when SQL lacks the key, and promotes the entry into SQL (expiry kept)', async () => {
    const cache = createHybridCache({ sql, disk: createDiskCache({ dir: d.dir }) });
    expect(await sql.get('dshield', PRED.dshieldIp)).toBeNull();
    const e = await cache.get('dshield', PRED.dshieldIp);
    expect(e?.value).toEqual(PRED.dshieldBody);
    const promoted = await sql.get('dshield', PRED.dshieldIp);
    expect(promoted?.value).toEqual(PRED.dshieldBody);
    expect(promoted?.expiresAt).toBe(e?.expiresAt);
    expect(cache.stats.hits.disk).toBe(1);
    expect(cache.stats.promotions).toBe(1);
    await cache.get('dshield', PRED.dshieldIp);
    expect(cache.stats.hits.sql).toBe(1);
  });

  it('promotes a batch of disk hits with getMany', async () => {
    const cache = createHybridCache({ sql, disk: createDiskCache({ dir: d.dir }) });
    const keys = [PRED.dshieldIp, PRED.legacyDigestIp, PRED.flatDshieldIp, '192.0.2.250'];
    expect((await cache.getMany('dshield', keys)).size).toBe(3);
    expect((await sql.getMany('dshield', keys)).size).toBe(3);
    expect(cache.stats.misses).toBe(1);
  });

  it('asks SQL first: its answer wins over disk', async () => {
    const cache = createHybridCache({ sql, disk: createDiskCache({ dir: d.dir }) });
    await sql.set(makeEntry('dshield', PRED.dshieldIp, 'found', { ip: { number: PRED.dshieldIp, count: 99 } }));
    expect((await cache.get('dshield', PRED.dshieldIp))?.value).toEqual({ ip: { number: PRED.dshieldIp, count: 99 } });
  });

  it('writes through to every tier', async () => {
    const disk = createDiskCache({ dir: d.dir });
    const memory = createMemoryCache();
    const cache = createHybridCache({ sql, disk, memory });
    const e = makeEntry('urlhaus', '198.51.100.99', 'found', { query_status: 'ok' });
    await cache.set(e);
    for (const t of [sql, disk, memory]) expect((await t.get('urlhaus', e.key))?.value).toEqual(e.value);
  });

  it('a memory tier in front answers repeated lookups without touching SQL', async () => {
    const cache = createHybridCache({ sql, disk: createDiskCache({ dir: d.dir }), memory: createMemoryCache() });
    await cache.get('dshield', PRED.dshieldIp);
    await cache.get('dshield', PRED.dshieldIp);
    expect(cache.stats.hits).toEqual({ memory: 1, sql: 0, disk: 1 });
  });

  it('a failing SQL tier is counted and skipped: lookups and writes still work on disk', async () => {
    const errors: string[] = [];
    const disk = createDiskCache({ dir: d.dir });
    const cache = createHybridCache({ sql: brokenTier('sql'), disk, onTierError: (tier, op) => errors.push(`${tier}:${op}`) });
    expect((await cache.get('dshield', PRED.dshieldIp))?.value).toEqual(PRED.dshieldBody);
    await cache.set(makeEntry('dshield', '192.0.2.123', 'found', { ip: {} }));
    expect((await disk.get('dshield', '192.0.2.123'))?.value).toEqual({ ip: {} });
    expect(await cache.cleanup()).toBeGreaterThanOrEqual(0);
    expect(cache.stats.errors.sql).toBeGreaterThanOrEqual(3);
    expect(errors).toContain('sql:get');
    expect(errors).toContain('sql:set');
  });

  it('a failing disk tier (and memory) never fails the lookup', async () => {
    const cache = createHybridCache({ sql, disk: brokenTier('disk'), memory: brokenTier('memory') });
    await sql.set(makeEntry('spur', '203.0.113.5', 'found', { ip: '203.0.113.5' }));
    expect((await cache.get('spur', '203.0.113.5'))?.value).toEqual({ ip: '203.0.113.5' });
    expect(await cache.get('spur', '203.0.113.6')).toBeNull();
    await cache.set(makeEntry('spur', '203.0.113.7', 'found', {}));
    expect(await sql.get('spur', '203.0.113.7')).not.toBeNull();
    expect(cache.stats.errors.disk).toBeGreaterThan(0);
    expect(cache.stats.errors.memory).toBeGreaterThan(0);
  });
});
