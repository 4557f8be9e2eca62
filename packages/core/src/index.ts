/**
 * `@cowrieprocessor/core`: the typed Cowrie parser, the SQLite + PostgreSQL store with its
 * migrations, the bulk loader and the query API that reports, the statistics API and MCP share.
 *
 * @example
 * ```ts
 * import { openStore, bulkLoad, summarize } from '@cowrieprocessor/core';
 * const store = await openStore('./cowrie.sqlite');
 * await bulkLoad(store, ['/var/log/cowrie']);
 * console.log(await summarize(store, { top: 5 }));
 * await store.close();
 * ```
 * @packageDocumentation
 */
export * from './errors/index.js';
export * from './events/index.js';
export * from './input/index.js';
export * from './commands/index.js';
export * from './store/index.js';
export * from './load/index.js';
export * from './query/index.js';
export * from './import/index.js';
