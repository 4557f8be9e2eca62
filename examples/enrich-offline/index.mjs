// Enrich a database's source IPs from a predecessor-layout disk cache, offline (no API call).
// Usage: node examples/enrich-offline/index.mjs [db=./cowrie.sqlite] [cacheDir=examples/enrich-offline/cache]
import { openStore, topN } from '@cowrieprocessor/core';
import {
  createDiskCache, createMemoryRateLimiter, createServiceClients, readEnrichment, refreshEnrichment, resolveEnrichmentConfig,
} from '@cowrieprocessor/enrichment';

const [db = './cowrie.sqlite', cacheDir = 'examples/enrich-offline/cache'] = process.argv.slice(2);
const store = await openStore(db);
// The directory the Python cowrieprocessor wrote (dshield/a/b/c/d.json …), read as it is.
const cache = createDiskCache({ dir: cacheDir });
try {
  // Offline, clients only normalise cached answers: no credentials needed, nothing is sent.
  const clients = createServiceClients(resolveEnrichmentConfig({ env: {}, sensorsToml: null }), { limiter: createMemoryRateLimiter() });
  const r = await refreshEnrichment(store, { cache, clients, services: ['dshield'], offline: true });
  console.log(`enriched ${r.ips} IPs from the cache (${r.cacheHits} hits, ${r.skipped} not cached, ${r.apiCalls} API calls)`);
  const top = await topN(store, 'srcIp', { limit: 10 });
  const known = await readEnrichment(store, 'ip', top.map((t) => t.value));
  for (const t of top) {
    const d = known.get(t.value)?.dshield;
    const v = d?.status === 'found' ? d.value : null;
    console.log(`${t.value}  ${t.count} sessions  ${v ? `AS${v.asn ?? '?'} ${v.asName ?? ''} ${v.country ?? ''} reports ${v.count ?? '?'}` : 'not in the cache'}`);
  }
} finally {
  await cache.close();
  await store.close();
}
