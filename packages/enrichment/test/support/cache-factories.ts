import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, testDialects } from './dialects.js';
import { createDiskCache, createHybridCache, createMemoryCache, createSqlCache, type EnrichmentCache } from '../../src/cache/index.js';
import type { CowrieStore } from '@cowrieprocessor/core';

/** A cache under test and how to throw it (and what it lives in) away. */
export interface CacheUnderTest {
  cache: EnrichmentCache;
  dispose(): Promise<void>;
}

/** A temp directory that `dispose` removes. */
export function tempDir(prefix = 'cowrie-cache-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A throwaway store on a dialect (SQLite file or PostgreSQL schema). */
export async function tempStore(dialect: 'sqlite' | 'postgres'): Promise<{ store: CowrieStore; target: string; dispose: () => Promise<void> }> {
  const t = createTestDatabase(dialect);
  const store = await t.open();
  return { store, target: t.target, dispose: async () => { await store.close(); await t.drop(); } };
}

/** Every adapter the conformance suite runs over: memory, disk, SQL on each dialect, hybrid. */
export function cacheFactories(): Array<[string, () => Promise<CacheUnderTest>]> {
  const list: Array<[string, () => Promise<CacheUnderTest>]> = [
    ['memory', async () => ({ cache: createMemoryCache({ maxEntries: 10_000 }), dispose: async () => undefined })],
    ['disk', async () => {
      const d = tempDir();
      return { cache: createDiskCache({ dir: d.dir }), dispose: async () => d.remove() };
    }],
  ];
  for (const dialect of testDialects()) {
    list.push([`sql (${dialect})`, async () => {
      const s = await tempStore(dialect);
      const cache = createSqlCache(s.store);
      return { cache, dispose: async () => { await cache.close(); await s.dispose(); } };
    }]);
  }
  list.push(['hybrid (memory + sqlite + disk)', async () => {
    const s = await tempStore('sqlite');
    const d = tempDir();
    const cache = createHybridCache({ sql: createSqlCache(s.store), disk: createDiskCache({ dir: d.dir }), memory: createMemoryCache() });
    return { cache, dispose: async () => { await cache.close(); await s.dispose(); d.remove(); } };
  }]);
  return list;
}
