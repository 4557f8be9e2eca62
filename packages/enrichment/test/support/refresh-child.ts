/**
 * A separate process for the multi-process specs: opens the store named by COWRIE_TEST_TARGET,
 * waits until COWRIE_TEST_START_AT (so that every child starts together), runs a refresh with
 * the SQL cache and clients configured from the environment, and prints the result as JSON.
 */
import { openStore } from '@cowrieprocessor/core';
import { createSqlCache } from '../../src/cache/index.js';
import { createServiceClients } from '../../src/config/create-service-clients.js';
import { resolveEnrichmentConfig } from '../../src/config/resolve-config.js';
import { createMemoryRateLimiter } from '../../src/rate-limit/memory-rate-limiter.js';
import { refreshEnrichment } from '../../src/refresh/index.js';

const store = await openStore(process.env.COWRIE_TEST_TARGET!);
try {
  const clients = createServiceClients(resolveEnrichmentConfig({ env: process.env, sensorsToml: null }), { limiter: createMemoryRateLimiter() });
  const wait = Number(process.env.COWRIE_TEST_START_AT) - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const r = await refreshEnrichment(store, { cache: createSqlCache(store), clients, batchSize: 5 });
  process.stdout.write(JSON.stringify(r) + '\n');
} finally {
  await store.close();
}
