import { readdir, rmdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { ServiceName } from '../../services/types.js';
import type { CacheEntry, EnrichmentCache } from '../cache-port.js';
import { DEFAULT_TTL_POLICY, isoMicros, ttlMs, type TtlPolicy } from '../ttl-policy.js';
import { readJsonFile, unlinkQuiet, writeJsonAtomic } from './disk-files.js';
import { flatLegacyNames, legacyPath, shardedPath } from './disk-layout.js';
import { interpretLegacy } from './legacy-values.js';

/** Options of {@link createDiskCache}. */
export interface DiskCacheOptions {
  /** The cache base directory (the predecessor's `--cache-dir`, e.g. `/mnt/dshield/data/cache`). */
  dir: string;
  ttl?: TtlPolicy;
  /** Files read in parallel by `getMany` (default 32). */
  concurrency?: number;
}

/** Counters of a disk cache (corrupt files are misses, counted here). */
export interface DiskCacheStats {
  hits: number;
  misses: number;
  corrupt: number;
  writes: number;
}

/** The disk adapter, with its counters. */
export interface DiskCache extends EnrichmentCache {
  readonly stats: DiskCacheStats;
  readonly dir: string;
}

/** Our own files for statuses the predecessor has no file for (not found, errors). */
const OWN_DIR = '.cowrie';
const ENVELOPE = '__cowrie_cache';
const UNKNOWN_VT = 'virustotal_unknown';
const SERVICES: readonly ServiceName[] = ['dshield', 'virustotal', 'urlhaus', 'spur', 'hibp'];

interface Candidate {
  path: string;
  kind: 'raw' | 'unknown' | 'envelope' | 'flat';
}

/**
 * A cache in a directory laid out exactly as the predecessor's `EnrichmentCacheManager` lays it
 * out (`shardedPath`), so an existing cowrieprocessor cache directory is read as it is, including
 * its older digest layout and the flat `vt_<hash>.json`, `dshield_<ip>.json`, `uh_<ip>` and
 * `spur_<ip>.json` files. Found answers are written as the raw JSON the predecessor writes, with
 * the file's mtime set so that mtime + TTL = the entry's expiry (the predecessor's own rule);
 * VirusTotal's unknown files go to `virustotal_unknown/`; other not-found answers and errors, which
 * the predecessor never caches, go to `.cowrie/<service>/…` with their status and expiry inside.
 * Writes are atomic (temp file + rename); an unreadable file is a miss.
 *
 * @example
 * ```ts
 * const cache = createDiskCache({ dir: '/mnt/dshield/data/cache' });
 * const e = await cache.get('dshield', '192.0.2.10'); // reads dshield/192/0/2/10.json
 * ```
 */
export function createDiskCache(opts: DiskCacheOptions): DiskCache {
  const dir = opts.dir;
  const policy = opts.ttl ?? DEFAULT_TTL_POLICY;
  const concurrency = Math.max(1, opts.concurrency ?? 32);
  const stats: DiskCacheStats = { hits: 0, misses: 0, corrupt: 0, writes: 0 };

  const ours = (service: ServiceName, key: string): Candidate[] => {
    const c: Candidate[] = [{ path: join(dir, service, shardedPath(service, key)), kind: 'raw' }];
    if (service === 'virustotal') c.push({ path: join(dir, UNKNOWN_VT, shardedPath(UNKNOWN_VT, key)), kind: 'unknown' });
    c.push({ path: join(dir, OWN_DIR, service, legacyPath(key)), kind: 'envelope' });
    return c;
  };
  const candidates = (service: ServiceName, key: string): Candidate[] => {
    const c = ours(service, key);
    const legacy = join(dir, service, legacyPath(key));
    if (legacy !== c[0]!.path) c.push({ path: legacy, kind: 'raw' });
    // Flat names come from the key: never let one escape the directory.
    for (const name of flatLegacyNames(service, key)) if (!name.includes('/') && !name.includes(sep) && !name.startsWith('.')) c.push({ path: join(dir, name), kind: 'flat' });
    return c;
  };

  const read = async (service: ServiceName, key: string, c: Candidate, nowMs: number): Promise<CacheEntry | null> => {
    const f = await readJsonFile(c.path);
    if (f === 'corrupt') stats.corrupt++;
    if (f === null || f === 'corrupt') return null;
    if (c.kind === 'envelope') {
      const env = (f.value as Record<string, unknown> | null)?.[ENVELOPE] as Partial<CacheEntry> | undefined;
      if (!env || typeof env.expiresAt !== 'string' || typeof env.createdAt !== 'string' || (env.status !== 'not_found' && env.status !== 'error')) return null;
      return env.expiresAt > isoMicros(nowMs) ? { service, key, status: env.status, value: env.value ?? null, createdAt: env.createdAt, expiresAt: env.expiresAt } : null;
    }
    const v = interpretLegacy(service, f.value, { flatDshield: c.kind === 'flat' && service === 'dshield' });
    if (!v) return null;
    const status = c.kind === 'unknown' ? 'not_found' : v.status;
    const created = v.createdMs ?? f.mtimeMs;
    const expires = created + ttlMs(service, status, policy);
    return expires > nowMs ? { service, key, status, value: v.value, createdAt: isoMicros(created), expiresAt: isoMicros(expires) } : null;
  };

  const get = async (service: ServiceName, key: string, now = new Date()): Promise<CacheEntry | null> => {
    for (const c of candidates(service, key)) {
      const e = await read(service, key, c, now.getTime());
      if (e) {
        stats.hits++;
        return e;
      }
    }
    stats.misses++;
    return null;
  };

  return {
    name: 'disk',
    capabilities: { batchGet: false, persistent: true, shared: false },
    stats,
    dir,
    get,
    async getMany(service, keys, now = new Date()) {
      const out = new Map<string, CacheEntry>();
      const unique = [...new Set(keys)];
      let next = 0;
      const worker = async () => {
        while (next < unique.length) {
          const key = unique[next++]!;
          const e = await get(service, key, now);
          if (e) out.set(key, e);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, unique.length) }, worker));
      return out;
    },
    async set(entry) {
      const [raw, ...rest] = ours(entry.service, entry.key);
      const expiresMs = Date.parse(entry.expiresAt);
      let target: Candidate;
      let body: unknown;
      if (entry.status === 'found' || (entry.status === 'not_found' && entry.service === 'virustotal')) {
        target = entry.status === 'found' ? raw! : rest.find((c) => c.kind === 'unknown')!;
        body = entry.value;
      } else {
        target = rest.find((c) => c.kind === 'envelope')!;
        body = { [ENVELOPE]: { status: entry.status, key: entry.key, value: entry.value, createdAt: entry.createdAt, expiresAt: entry.expiresAt } };
      }
      // mtime = expiry - TTL, so that the predecessor's rule (mtime + TTL) expires it when we do.
      const mtime = target.kind === 'envelope' ? Date.parse(entry.createdAt) : expiresMs - ttlMs(entry.service, entry.status, policy);
      await writeJsonAtomic(target.path, body, mtime);
      stats.writes++;
      // The latest answer wins: drop what we wrote for this key under another status.
      for (const c of [raw!, ...rest]) if (c !== target) await unlinkQuiet(c.path);
    },
    async delete(service, key) {
      for (const c of candidates(service, key)) await unlinkQuiet(c.path);
    },
    async cleanup(now = new Date()) {
      let n = 0;
      const nowMs = now.getTime();
      const walk = async (d: string, service: ServiceName, kind: Candidate['kind']): Promise<void> => {
        let names;
        try {
          names = await readdir(d, { withFileTypes: true });
        } catch {
          return;
        }
        for (const ent of names) {
          const p = join(d, ent.name);
          if (ent.isDirectory()) {
            await walk(p, service, kind);
            await rmdir(p).catch(() => undefined); // only succeeds once empty
          } else if (ent.name.endsWith('.json')) {
            const f = await readJsonFile(p);
            if (f === null || f === 'corrupt') continue; // leave files we cannot read to a person
            const e = await read(service, '', { path: p, kind }, nowMs);
            if (!e && (await unlinkQuiet(p))) n++;
          }
        }
      };
      for (const s of SERVICES) await walk(join(dir, s), s, 'raw');
      await walk(join(dir, UNKNOWN_VT), 'virustotal', 'unknown');
      for (const s of SERVICES) await walk(join(dir, OWN_DIR, s), s, 'envelope');
      // The predecessor's flat files in the base directory are left alone: they are its, not ours.
      return n;
    },
    async close() {},
  };
}
