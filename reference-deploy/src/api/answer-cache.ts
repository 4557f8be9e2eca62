/**
 * @module A short-lived answer cache for the hot aggregates. An answer is fresh for `freshMs`
 * (at most 5 s); after that it is still served while one background refresh runs, but never once
 * it is older than {@link MAX_STALE_MS}: then the caller waits for the recomputation. Concurrent
 * misses of one key share one computation (no stampede on a large database). Errors are not
 * cached.
 */
import { MAX_STALE_MS } from './config.js';

/** How an answer was served, for metrics and the `X-Cache` header. */
export type CacheOutcome = 'hit' | 'stale' | 'miss' | 'off';

/** The cache's interface (one per server). */
export interface AnswerCache {
  get<T>(key: string, compute: () => Promise<T>): Promise<{ value: T; outcome: CacheOutcome; at: number }>;
  readonly size: number;
}

interface Entry {
  value: unknown;
  at: number;
  refreshing: boolean;
}

/**
 * A cache with the given fresh life (0 turns caching off) and entry bound.
 *
 * @example
 * ```ts
 * const cache = createAnswerCache(2000);
 * const { value, outcome } = await cache.get('/api/v1/summary?', () => summarize(store));
 * ```
 */
export function createAnswerCache(freshMs: number, maxEntries = 2000, now: () => number = Date.now): AnswerCache {
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry>>();
  const compute = (key: string, fn: () => Promise<unknown>): Promise<Entry> => {
    let p = pending.get(key);
    if (!p) {
      const started = now();
      p = fn().then((value) => {
        const e: Entry = { value, at: started, refreshing: false };
        entries.delete(key);
        entries.set(key, e);
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
        return e;
      }).finally(() => pending.delete(key));
      pending.set(key, p);
    }
    return p;
  };
  return {
    get size() {
      return entries.size;
    },
    async get<T>(key: string, fn: () => Promise<T>) {
      if (freshMs <= 0) return { value: await fn(), outcome: 'off' as const, at: now() };
      const e = entries.get(key);
      const age = e ? now() - e.at : Infinity;
      if (e && age < freshMs) return { value: e.value as T, outcome: 'hit' as const, at: e.at };
      if (e && age < MAX_STALE_MS) {
        if (!e.refreshing) {
          e.refreshing = true;
          compute(key, fn).catch(() => {
            e.refreshing = false;
          });
        }
        return { value: e.value as T, outcome: 'stale' as const, at: e.at };
      }
      const fresh = await compute(key, fn);
      return { value: fresh.value as T, outcome: 'miss' as const, at: fresh.at };
    },
  };
}
