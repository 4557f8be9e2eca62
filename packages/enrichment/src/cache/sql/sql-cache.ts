import { withWriteTransaction, type CowrieStore } from '@cowrieprocessor/core';
import type { ServiceName } from '../../services/types.js';
import type { CacheEntry, EnrichmentCache } from '../cache-port.js';
import type { KeyClaims } from '../key-claims.js';
import { isoMicros } from '../ttl-policy.js';
import { createHitRecorder } from './hit-recorder.js';

/** Options of {@link createSqlCache}. */
export interface SqlCacheOptions {
  /** Distinct hit keys buffered before `hit_count` / `accessed_at` are written (default 1,000); 0 = never record hits. */
  hitFlushAt?: number;
}

/** The SQL adapter, with a batch upsert for migrations and promotions. */
export interface SqlCache extends EnrichmentCache, KeyClaims {
  /** Upsert many entries in one transaction (chunked by the dialect's bind limit). */
  setMany(entries: readonly CacheEntry[]): Promise<void>;
  /** Write buffered hit counts now. */
  flushHits(): Promise<void>;
}

/** A lease row (see {@link KeyClaims}): never served, expires with its lease. */
const PENDING = 'pending';

type Row = { cache_key: string; status: string; value: string | null; created_at: string; expires_at: string };

/**
 * The cache in the store's `enrichment_cache` table (SQLite or PostgreSQL alike): shared by every
 * process that uses the database, so a key is fetched once for all of them. `getMany` reads
 * many keys per statement; `set` upserts; hits are counted in batches (see `createHitRecorder`).
 * The store stays the caller's: `close` flushes hit counts but does not close it.
 *
 * @example
 * ```ts
 * const cache = createSqlCache(store);
 * const hits = await cache.getMany('dshield', ['192.0.2.10', '198.51.100.7']);
 * ```
 */
export function createSqlCache(store: CowrieStore, opts: SqlCacheOptions = {}): SqlCache {
  const db = store.db;
  const flushAt = opts.hitFlushAt ?? 1000;
  const hits = flushAt > 0 ? createHitRecorder(store, flushAt) : null;
  // Every row binds 6 values; keep a margin for the statement's own parameters.
  const keyChunk = Math.max(1, store.dialect.maxBindParameters - 8);
  const rowChunk = Math.max(1, Math.floor((store.dialect.maxBindParameters - 8) / 7));

  const toEntry = (service: ServiceName, r: Row): CacheEntry => ({
    service, key: r.cache_key, status: r.status as CacheEntry['status'],
    value: r.value === null ? null : (JSON.parse(r.value) as unknown), createdAt: r.created_at, expiresAt: r.expires_at,
  });
  const toRow = (e: CacheEntry) => ({
    service: e.service, cache_key: e.key, status: e.status, value: JSON.stringify(e.value ?? null), created_at: e.createdAt, expires_at: e.expiresAt,
  });
  // A replaced answer keeps its hit count: it is the same key, asked as often as before.
  const upsert = (exec: CowrieStore['db'], rows: ReturnType<typeof toRow>[]) =>
    exec.insertInto('enrichment_cache').values(rows)
      .onConflict((oc) => oc.columns(['service', 'cache_key']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'), value: eb.ref('excluded.value'), created_at: eb.ref('excluded.created_at'), expires_at: eb.ref('excluded.expires_at'),
      })))
      .execute();

  const cache: SqlCache = {
    name: 'sql',
    capabilities: { batchGet: true, persistent: true, shared: true },
    async get(service, key, now = new Date()) {
      const r = await db.selectFrom('enrichment_cache').select(['cache_key', 'status', 'value', 'created_at', 'expires_at'])
        .where('service', '=', service).where('cache_key', '=', key).where('expires_at', '>', isoMicros(now)).where('status', '!=', PENDING)
        .executeTakeFirst();
      if (!r) return null;
      hits?.record(service, [key]);
      return toEntry(service, r);
    },
    async getMany(service, keys, now = new Date()) {
      const out = new Map<string, CacheEntry>();
      const unique = [...new Set(keys)];
      const at = isoMicros(now);
      for (let i = 0; i < unique.length; i += keyChunk) {
        const rows = await db.selectFrom('enrichment_cache').select(['cache_key', 'status', 'value', 'created_at', 'expires_at'])
          .where('service', '=', service).where('cache_key', 'in', unique.slice(i, i + keyChunk)).where('expires_at', '>', at).where('status', '!=', PENDING)
          .execute();
        for (const r of rows) out.set(r.cache_key, toEntry(service, r));
      }
      if (out.size > 0) hits?.record(service, out.keys());
      return out;
    },
    async set(entry) {
      await upsert(db, [toRow(entry)]);
    },
    async setMany(entries) {
      if (entries.length === 0) return;
      // One row per key (the last wins), or PostgreSQL refuses to upsert the same key twice.
      const rows = [...new Map(entries.map((e) => [`${e.service}\u0000${e.key}`, toRow(e)])).values()];
      // BEGIN IMMEDIATE on SQLite: several processes promoting at once queue instead of failing.
      await withWriteTransaction(store, async (tx) => {
        for (let i = 0; i < rows.length; i += rowChunk) await upsert(tx, rows.slice(i, i + rowChunk));
      });
    },
    async claim(service, keys, leaseMs, now = new Date()) {
      const won = new Set<string>();
      const at = isoMicros(now);
      const until = isoMicros(now.getTime() + leaseMs);
      // Insert a lease, or take over a row nobody may use any more (expired answer, expired
      // lease); a live row makes the conflict update's WHERE false, so nothing is returned.
      for (const key of new Set(keys)) {
        const r = await db.insertInto('enrichment_cache')
          .values({ service, cache_key: key, status: PENDING, value: null, created_at: at, expires_at: until })
          .onConflict((oc) => oc.columns(['service', 'cache_key'])
            .doUpdateSet({ status: PENDING, value: null, created_at: at, expires_at: until })
            .where('enrichment_cache.expires_at', '<=', at))
          .returning('cache_key')
          .executeTakeFirst();
        if (r) won.add(key);
      }
      return won;
    },
    async release(service, keys) {
      for (let i = 0; i < keys.length; i += keyChunk) {
        await db.deleteFrom('enrichment_cache').where('service', '=', service).where('status', '=', PENDING).where('cache_key', 'in', keys.slice(i, i + keyChunk)).execute();
      }
    },
    async delete(service, key) {
      await db.deleteFrom('enrichment_cache').where('service', '=', service).where('cache_key', '=', key).execute();
    },
    async cleanup(now = new Date()) {
      const r = await db.deleteFrom('enrichment_cache').where('expires_at', '<=', isoMicros(now)).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async flushHits() {
      await hits?.flush();
    },
    async close() {
      await hits?.flush();
    },
  };
  return cache;
}
