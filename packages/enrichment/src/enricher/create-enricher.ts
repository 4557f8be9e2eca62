import type { CowrieStore } from '@cowrieprocessor/core';
import type { CacheEntry, EnrichmentCache } from '../cache/cache-port.js';
import { keyClaimsOf } from '../cache/key-claims.js';
import { createSqlCache } from '../cache/sql/sql-cache.js';
import { DEFAULT_TTL_POLICY, makeEntry, type TtlPolicy } from '../cache/ttl-policy.js';
import { CircuitOpenError, QuotaExhaustedError } from '../errors.js';
import { SERVICE_NAMES, type ServiceClient, type ServiceName } from '../services/types.js';
import { emptyCounters, type Enricher, type LookupManyOptions, type LookupResult, type ServiceCounters } from './enricher-types.js';

/** Options of {@link createEnricher}. */
export interface EnricherOptions {
  /** Where raw answers are kept; default: the SQL cache of `store`. */
  cache?: EnrichmentCache;
  /** Clients by service (from `createServiceClients`); a missing service is never asked. */
  clients: Partial<Record<ServiceName, ServiceClient>>;
  /** Used for the default SQL cache when `cache` is not given. */
  store?: CowrieStore;
  /** Caches only: no API call at all. */
  offline?: boolean;
  ttl?: TtlPolicy;
  /** Told about a cache operation that failed (the lookup goes on as a miss / unsaved answer). */
  onCacheError?: (op: string, err: unknown) => void;
  /**
   * Lease on a key while this process asks the API for it, when the cache is shared (SQL,
   * hybrid): other processes wait for the answer instead of asking too (default 5 min; a
   * crashed holder delays its keys by at most this).
   */
  leaseMs?: number;
  /** How often a process waiting for another one's answer looks into the cache (default 100 ms). */
  pollMs?: number;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The one place that decides cache vs API: a fresh cached raw answer is normalised and returned;
 * a miss is fetched through the client (rate-limited, retried, single-flight there), its raw
 * answer cached with the service's TTL, then normalised. A failure is cached briefly as an
 * `error` entry (never as data), so the next lookups within minutes skip the key instead of
 * hammering a failing API; nothing here throws for a failed lookup (it is a counted result).
 *
 * @example
 * ```ts
 * const enricher = createEnricher({ cache: createSqlCache(store), clients: createServiceClients(config, { limiter }) });
 * const r = await enricher.lookup('dshield', '203.0.113.5'); // { status: 'found', value: DshieldIpInfo, source: 'api' }
 * ```
 */
export function createEnricher(opts: EnricherOptions): Enricher {
  if (!opts.cache && !opts.store) throw new TypeError('createEnricher needs a cache or a store');
  const cache = opts.cache ?? createSqlCache(opts.store!);
  const claims = keyClaimsOf(cache);
  const leaseMs = opts.leaseMs ?? 300_000;
  const pollMs = opts.pollMs ?? 100;
  const policy = opts.ttl ?? DEFAULT_TTL_POLICY;
  const counters = Object.fromEntries(SERVICE_NAMES.map((s) => [s, emptyCounters()])) as Record<ServiceName, ServiceCounters>;
  /** Services whose quota ran out in this run: not asked again until the next process. */
  const exhausted = new Map<ServiceName, string>();

  const guard = async <T>(op: string, fn: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      opts.onCacheError?.(op, err);
      return fallback;
    }
  };

  const fromEntry = <T>(client: ServiceClient, subject: string, e: CacheEntry, source: 'cache' | 'api', c: ServiceCounters): LookupResult<T> => {
    if (e.status === 'error') return { status: 'error', value: null, source, reason: `recently failed: ${(e.value as { message?: string } | null)?.message ?? 'error'}` };
    try {
      const value = client.normalize(subject, { status: e.status, raw: e.value }) as T;
      return { status: e.status, value, source, fetchedAt: e.createdAt, expiresAt: e.expiresAt };
    } catch (err) {
      c.failures++;
      return { status: 'error', value: null, source, reason: `cannot normalise the ${e.service} answer: ${message(err)}` };
    }
  };

  const fetchKey = async (client: ServiceClient, key: string, c: ServiceCounters, o: LookupManyOptions): Promise<CacheEntry | { skipped: string }> => {
    const service = client.service;
    const quota = exhausted.get(service);
    if (quota) return { skipped: quota };
    try {
      c.apiCalls++;
      const answer = await client.fetch(key, { signal: o.signal });
      const entry = makeEntry(service, key, answer.status, answer.raw, new Date(), policy);
      if (answer.status === 'not_found') c.notFound++;
      await guard('set', () => cache.set(entry), undefined);
      return entry;
    } catch (err) {
      // Nothing was sent for these: not a failure of the key, so nothing to cache against it.
      if (err instanceof QuotaExhaustedError) {
        c.apiCalls--;
        exhausted.set(service, message(err));
        return { skipped: message(err) };
      }
      if (o.signal?.aborted) {
        c.apiCalls--;
        return { skipped: 'aborted' };
      }
      if (err instanceof CircuitOpenError) c.apiCalls--;
      c.failures++;
      const code = (err as { code?: string }).code ?? 'ERROR';
      const entry = makeEntry(service, key, 'error', { code, message: message(err) }, new Date(), policy);
      if (!(err instanceof CircuitOpenError)) await guard('set', () => cache.set(entry), undefined);
      return entry;
    }
  };

  /**
   * Fetch the keys no cache had, `concurrency` at a time. With a shared cache each key is
   * claimed first; a key another process holds is waited for (its answer lands in the cache)
   * and claimed again only if that process gives up or dies (its lease expires).
   */
  const fetchMissing = async (client: ServiceClient, missing: string[], entries: Map<string, CacheEntry | { skipped: string }>, fromApi: Set<string>, c: ServiceCounters, o: LookupManyOptions) => {
    const service = client.service;
    let todo = missing;
    while (todo.length > 0) {
      const waiting: string[] = [];
      let next = 0;
      const worker = async () => {
        while (next < todo.length) {
          const k = todo[next++]!;
          if (claims && !(await guard('claim', () => claims.claim(service, [k], leaseMs), new Set([k]))).has(k)) {
            waiting.push(k);
            continue;
          }
          const r = await fetchKey(client, k, c, o);
          if (!('skipped' in r)) fromApi.add(k);
          else {
            c.skipped++;
            if (claims) await guard('release', () => claims.release(service, [k]), undefined);
          }
          entries.set(k, r);
        }
      };
      await Promise.all(Array.from({ length: Math.min(o.concurrency ?? 4, todo.length) }, worker));
      if (waiting.length === 0 || o.signal?.aborted) {
        for (const k of waiting) entries.set(k, { skipped: 'aborted' });
        c.skipped += waiting.length;
        break;
      }
      await new Promise((r) => setTimeout(r, pollMs));
      const got = await guard('getMany', () => cache.getMany(service, waiting, o.now), new Map<string, CacheEntry>());
      for (const [k, e] of got) {
        entries.set(k, e);
        if (e.status === 'error') c.skipped++;
        else c.cacheHits++;
      }
      todo = waiting.filter((k) => !got.has(k));
    }
  };

  const available = (service: ServiceName) => {
    const client = opts.clients[service];
    return !!client && (client.enabled || !!opts.offline);
  };

  const lookupMany = async <T>(service: ServiceName, subjects: readonly string[], o: LookupManyOptions = {}): Promise<Map<string, LookupResult<T>>> => {
    const out = new Map<string, LookupResult<T>>();
    const client = opts.clients[service];
    const c = counters[service];
    if (!client) {
      for (const s of subjects) out.set(s, { status: 'skipped', value: null, source: 'none', reason: `no ${service} client` });
      return out;
    }
    const bySubject = new Map(subjects.map((s) => [s, client.cacheKey(s)]));
    const keys = [...new Set(bySubject.values())];
    const cached = await guard('getMany', () => cache.getMany(service, keys, o.now), new Map<string, CacheEntry>());
    const entries = new Map<string, CacheEntry | { skipped: string }>();
    const fromApi = new Set<string>();
    for (const [k, e] of cached) {
      entries.set(k, e);
      if (e.status === 'error') c.skipped++;
      else c.cacheHits++;
    }
    const missing = keys.filter((k) => !cached.has(k));
    if (opts.offline || !client.enabled) {
      const why = opts.offline ? 'offline: not in the cache' : (client.disabledReason ?? `${service} disabled`);
      for (const k of missing) entries.set(k, { skipped: why });
      c.skipped += missing.length;
    } else {
      await fetchMissing(client, missing, entries, fromApi, c, o);
    }
    for (const [subject, key] of bySubject) {
      const e = entries.get(key);
      if (!e || 'skipped' in e) out.set(subject, { status: 'skipped', value: null, source: 'none', reason: e && 'skipped' in e ? e.skipped : 'not looked up' });
      else out.set(subject, fromEntry<T>(client, subject, e, fromApi.has(key) ? 'api' : 'cache', c));
    }
    return out;
  };

  return {
    counters,
    available,
    lookupMany,
    async lookup<T>(service: ServiceName, subject: string, o?: LookupManyOptions) {
      return (await lookupMany<T>(service, [subject], o)).get(subject)!;
    },
  };
}
