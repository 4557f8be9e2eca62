import { isDeepStrictEqual } from 'node:util';
import type { CowrieStore } from '@cowrieprocessor/core';
import type { CacheEntry } from '../cache/cache-port.js';
import { createDiskCache } from '../cache/disk/disk-cache.js';
import { createSqlCache } from '../cache/sql/sql-cache.js';
import type { TtlPolicy } from '../cache/ttl-policy.js';
import type { ServiceName } from '../services/types.js';
import { scanDiskCache } from './scan-disk-cache.js';

/** Options of {@link migrateDiskCache}. */
export interface MigrateCacheOptions {
  /** The predecessor (or our) cache directory. */
  from: string;
  /** Count only; write nothing. */
  dryRun?: boolean;
  /** Afterwards, read every migrated entry back from SQL and compare it with the disk. */
  verify?: boolean;
  ttl?: TtlPolicy;
  /** Entries per committed batch (default 500). */
  batchSize?: number;
  onProgress?: (p: { done: number; total: number }) => void;
  now?: Date;
}

/** Counts of a cache migration (what `cowrie enrich cache migrate --json` prints). */
export interface MigrateCacheResult {
  /** Cache files found. */
  files: number;
  /** Distinct fresh (service, key) entries read from them. */
  entries: number;
  /** Entries written to SQL (would be, with `dryRun`). */
  migrated: number;
  /** Entries SQL already held exactly (a second run migrates nothing). */
  unchanged: number;
  /** Keys whose files have all expired or cannot be read (not migrated: they would be misses anyway). */
  expired: number;
  /** Files whose key cannot be recovered from the path or the content. */
  unresolved: number;
  dryRun: boolean;
  /** With `verify`: entries compared, and the first differences. */
  verified?: number;
  mismatches?: Array<{ service: ServiceName; key: string; reason: string }>;
  byService: Partial<Record<ServiceName, { entries: number; migrated: number; expired: number }>>;
  seconds: number;
}

const same = (a: CacheEntry, b: CacheEntry) => a.status === b.status && a.expiresAt === b.expiresAt && isDeepStrictEqual(a.value, b.value);

/**
 * Copy a disk cache directory into the store's `enrichment_cache`, keeping each entry's status
 * and expiry (mtime + TTL, as the disk cache reads it). Idempotent: an entry SQL already holds
 * identically is counted `unchanged`, not written again. Keys of files named by `sha256(key)`
 * are recovered from the store's source IPs and the answers themselves (see `scanDiskCache`).
 *
 * @example
 * ```ts
 * const r = await migrateDiskCache(store, { from: '/mnt/dshield/data/cache', verify: true });
 * console.log(r.migrated, r.unchanged, r.mismatches);
 * ```
 */
export async function migrateDiskCache(store: CowrieStore, opts: MigrateCacheOptions): Promise<MigrateCacheResult> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  const disk = createDiskCache({ dir: opts.from, ttl: opts.ttl });
  const sql = createSqlCache(store, { hitFlushAt: 0 });
  const known = (await store.db.selectFrom('sessions').select('src_ip').distinct().where('src_ip', 'is not', null).execute()).map((r) => r.src_ip!);
  const files = await scanDiskCache(opts.from, known);
  const r: MigrateCacheResult = { files: files.length, entries: 0, migrated: 0, unchanged: 0, expired: 0, unresolved: 0, dryRun: !!opts.dryRun, byService: {}, seconds: 0 };
  const keys = new Map<ServiceName, Set<string>>();
  for (const f of files) {
    if (f.key === null) r.unresolved++;
    else keys.set(f.service, (keys.get(f.service) ?? new Set()).add(f.key));
  }
  const total = [...keys.values()].reduce((n, s) => n + s.size, 0);
  const batchSize = Math.max(1, opts.batchSize ?? 500);
  const migrated: CacheEntry[] = [];
  let done = 0;
  for (const [service, set] of keys) {
    const s = (r.byService[service] = { entries: 0, migrated: 0, expired: 0 });
    const all = [...set];
    for (let i = 0; i < all.length; i += batchSize) {
      const batch = all.slice(i, i + batchSize);
      // The disk cache's own reading (layout priority, TTL, legacy forms) decides each entry.
      const fromDisk = await disk.getMany(service, batch, now);
      const inSql = await sql.getMany(service, batch, now);
      const write: CacheEntry[] = [];
      for (const e of fromDisk.values()) {
        const have = inSql.get(e.key);
        if (have && same(have, e)) r.unchanged++;
        else write.push(e);
      }
      s.entries += fromDisk.size;
      s.expired += batch.length - fromDisk.size;
      s.migrated += write.length;
      if (!opts.dryRun) await sql.setMany(write);
      migrated.push(...fromDisk.values());
      done += batch.length;
      opts.onProgress?.({ done, total });
    }
    r.entries += s.entries;
    r.migrated += s.migrated;
    r.expired += s.expired;
  }
  if (opts.verify && !opts.dryRun) {
    r.verified = 0;
    r.mismatches = [];
    for (const [service] of keys) {
      const mine = migrated.filter((e) => e.service === service);
      for (let i = 0; i < mine.length; i += batchSize) {
        const batch = mine.slice(i, i + batchSize);
        const back = await sql.getMany(service, batch.map((e) => e.key), now);
        for (const e of batch) {
          r.verified++;
          const b = back.get(e.key);
          if ((!b || !same(b, e)) && r.mismatches.length < 20) r.mismatches.push({ service, key: e.key, reason: b ? 'differs' : 'missing in SQL' });
        }
      }
    }
  }
  r.seconds = (Date.now() - started) / 1000;
  return r;
}
