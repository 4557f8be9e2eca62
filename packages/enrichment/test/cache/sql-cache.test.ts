import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CowrieStore } from '@cowrieprocessor/core';
import { createSqlCache, makeEntry } from '../../src/cache/index.js';
import { tempStore } from '../support/cache-factories.js';

describe('sql cache specifics', () => {
  let s: Awaited<ReturnType<typeof tempStore>>;
  beforeEach(async () => {
    s = await tempStore('sqlite');
  });
  afterEach(async () => {
    await s.dispose();
  });

  it('getMany splits keys by the dialect\'s bind limit and still answers every key', async () => {
    const small = { ...s.store, dialect: { ...s.store.dialect, maxBindParameters: 20 } } as CowrieStore;
    const cache = createSqlCache(small);
    const keys = Array.from({ length: 95 }, (_, i) => `10.1.0.${i}`);
    await cache.setMany(keys.map((k) => makeEntry('dshield', k, 'found', { k })));
    const got = await cache.getMany('dshield', keys);
    expect(got.size).toBe(95);
  });

  it('counts hits in batches: hit_count and accessed_at are written on flush', async () => {
    const cache = createSqlCache(s.store, { hitFlushAt: 1000 });
    await cache.set(makeEntry('dshield', '192.0.2.1', 'found', {}));
    await cache.get('dshield', '192.0.2.1');
    await cache.getMany('dshield', ['192.0.2.1', '192.0.2.2']);
    let row = await s.store.db.selectFrom('enrichment_cache').selectAll().executeTakeFirstOrThrow();
    expect(Number(row.hit_count)).toBe(0); // nothing written on the lookup path
    await cache.flushHits();
    row = await s.store.db.selectFrom('enrichment_cache').selectAll().executeTakeFirstOrThrow();
    expect(Number(row.hit_count)).toBe(2);
    expect(row.accessed_at).toMatch(/Z$/);
    // Replacing the answer keeps the count.
    await cache.set(makeEntry('dshield', '192.0.2.1', 'found', { v: 2 }));
    row = await s.store.db.selectFrom('enrichment_cache').selectAll().executeTakeFirstOrThrow();
    expect(Number(row.hit_count)).toBe(2);
  });

  it('stores values as JSON text and never serves an error as found', async () => {
    const cache = createSqlCache(s.store);
    await cache.set(makeEntry('virustotal', 'ab'.repeat(32), 'error', { message: 'HTTP 500' }));
    const row = await s.store.db.selectFrom('enrichment_cache').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('error');
    expect(JSON.parse(row.value!)).toEqual({ message: 'HTTP 500' });
    expect((await cache.get('virustotal', 'ab'.repeat(32)))?.status).toBe('error');
  });
});
