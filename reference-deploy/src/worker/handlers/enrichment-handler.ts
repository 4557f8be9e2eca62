/**
 * @module The `enrichment` job: `refreshEnrichment` of `@cowrieprocessor/enrichment` with the
 * worker's configuration (`COWRIE_*` env, as the CLI resolves it). Functions are looked up by
 * name so a missing one fails the job with `ENRICHMENT_UNAVAILABLE` naming it. Refresh commits per
 * batch and skips fresh entries, so a re-run after a crash does not look anything up twice.
 */
import { CowrieError } from '@cowrieprocessor/core';
import * as enrichment from '@cowrieprocessor/enrichment';
import type { JobRunner } from '@cowrieprocessor/queue';
import type { StoreCache } from './store-cache.js';

const lib = enrichment as unknown as Record<string, unknown>;
function need<T>(name: string): T {
  const f = lib[name];
  if (typeof f !== 'function') throw new CowrieError('ENRICHMENT_UNAVAILABLE', `@cowrieprocessor/enrichment does not export ${name}() yet`, { missing: name });
  return f as T;
}

/**
 * The enrichment handler over a store cache.
 *
 * @example
 * ```ts
 * const enrich = enrichmentHandler(storeCache(process.env.COWRIE_DB));
 * ```
 */
export function enrichmentHandler(stores: StoreCache): JobRunner {
  return async (p, ctx) => {
    const refresh = need<(s: unknown, o: Record<string, unknown>) => Promise<unknown>>('refreshEnrichment');
    const resolveConfig = need<(o: Record<string, unknown>) => unknown>('resolveEnrichmentConfig');
    const createClients = need<(c: unknown, d: Record<string, unknown>) => Record<string, unknown>>('createServiceClients');
    const createCache = need<(spec: string | undefined, o: Record<string, unknown>) => unknown>('createCacheFromSpec');
    const store = await stores.get();
    const config = resolveConfig({ env: process.env, flags: p.services ? { services: p.services } : {} });
    const clients = createClients(config, { store });
    const cache = createCache(process.env.COWRIE_CACHE, { store });
    return refresh(store, {
      cache, clients: (clients as { clients?: unknown }).clients ?? clients,
      services: p.services, limit: p.limit, signal: ctx.signal,
      onProgress: (x: { service: string; done: number; total: number }) => {
        void ctx.progress({ percent: x.total > 0 ? (x.done / x.total) * 100 : 0, step: `enriching (${x.service})`, processed: x.done, total: x.total }).catch(() => undefined);
      },
    });
  };
}
