import { resolve } from 'node:path';
import { openStore, type CowrieStore, type OpenStoreOptions } from '@cowrieprocessor/core';
import type { CliIo } from './io.js';

/** Options every database command takes. */
export interface DbOptions {
  db?: string;
  json?: boolean;
}

/** `--db` wins over `COWRIE_DB`, which wins over the default `./cowrie.sqlite`. */
export function dbTarget(io: CliIo, opts: DbOptions): string {
  const t = opts.db ?? io.env.COWRIE_DB ?? './cowrie.sqlite';
  // Plain paths are relative to the CLI's working directory; URL forms are passed through.
  return /^(sqlite:|postgres(ql)?:\/\/)/i.test(t) || t === ':memory:' ? t : resolve(io.cwd, t);
}

/** Open the store for a command, always closing it afterwards. */
export async function withStore<T>(io: CliIo, opts: DbOptions, storeOpts: OpenStoreOptions, fn: (s: CowrieStore) => Promise<T>): Promise<T> {
  const store = await openStore(dbTarget(io, opts), storeOpts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
