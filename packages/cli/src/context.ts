import { resolve } from 'node:path';
import { DEFAULT_DATABASE, openStore, parseDatabaseTarget, type CowrieStore, type DatabaseTarget, type OpenStoreOptions } from '@cowrieprocessor/core';
import type { CliIo } from './io.js';

/** Options every database command takes. */
export interface DbOptions {
  db?: string;
  json?: boolean;
}

/**
 * `--db` wins over `COWRIE_DB`, which wins over the default `./cowrie.sqlite` (an empty value
 * counts as unset). SQLite paths, in any of their forms, are relative to the CLI's working
 * directory; other URLs go to {@link parseDatabaseTarget}, which refuses unknown schemes.
 *
 * @example
 * ```ts
 * dbTarget({ ...processIo(), cwd: '/data' }, { db: 'sqlite:cowrie.sqlite' }); // { kind: 'sqlite', path: '/data/cowrie.sqlite' }
 * ```
 */
export function dbTarget(io: CliIo, opts: DbOptions): DatabaseTarget {
  const raw = opts.db?.trim() || io.env.COWRIE_DB?.trim() || DEFAULT_DATABASE;
  const t = parseDatabaseTarget(raw);
  if (t.kind === 'sqlite' && t.path !== ':memory:') return { kind: 'sqlite', path: resolve(io.cwd, t.path) };
  return t;
}

/**
 * Open the store for a command, always closing it afterwards.
 *
 * @example
 * ```ts
 * const report = await withStore(io, { db: 'cowrie.sqlite' }, { access: 'read', command: 'report summary' }, (store) => summarize(store));
 * ```
 */
export async function withStore<T>(io: CliIo, opts: DbOptions, storeOpts: OpenStoreOptions, fn: (s: CowrieStore) => Promise<T>): Promise<T> {
  const store = await openStore(dbTarget(io, opts), storeOpts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
