/**
 * @module One write store per worker process, opened on first use and shared by its jobs
 * (handlers never open a pool per job). Threads open their own.
 */
import { UsageError, openStore, type CowrieStore } from '@cowrieprocessor/core';

/** Lazily opened store. */
export interface StoreCache {
  /** The `--db` / `COWRIE_DB` value it opens (threads open their own store from it). */
  readonly target: string | undefined;
  get(): Promise<CowrieStore>;
  close(): Promise<void>;
}

/**
 * A store cache over `db` (`COWRIE_DB`).
 *
 * @example
 * ```ts
 * const stores = storeCache(process.env.COWRIE_DB);
 * const store = await stores.get();
 * ```
 */
export function storeCache(db: string | undefined, command = 'worker'): StoreCache {
  let p: Promise<CowrieStore> | undefined;
  return {
    target: db,
    get() {
      if (!db) return Promise.reject(new UsageError('NO_DB', 'this job needs the database: set COWRIE_DB (or --db) on the worker'));
      p ??= openStore(db, { access: 'write', command }).catch((err) => {
        p = undefined;
        throw err;
      });
      return p;
    },
    async close() {
      if (p) await (await p.catch(() => null))?.close();
      p = undefined;
    },
  };
}
