import type { CowrieStore } from '@cowrieprocessor/core';
import { isoMicros } from '../cache/ttl-policy.js';
import { createEnricher } from '../enricher/create-enricher.js';
import { emptyCounters, type Enricher, type ServiceCounters } from '../enricher/enricher-types.js';
import { SERVICE_NAMES, type ServiceName, type SubjectType } from '../services/types.js';
import { staleSubjects } from './candidates.js';
import type { RefreshOptions, RefreshResult, ServiceRefreshResult } from './refresh-types.js';
import { addEnrichmentStats, writeEnrichmentRows, type EnrichmentRow } from './write-enrichment.js';

const COUNTER_KEYS = ['apiCalls', 'cacheHits', 'failures', 'notFound', 'skipped'] as const;
const diff = (a: ServiceCounters, b: ServiceCounters): ServiceCounters =>
  Object.fromEntries(COUNTER_KEYS.map((k) => [k, a[k] - b[k]])) as unknown as ServiceCounters;

/**
 * Enrich what the store has seen and lacks fresh enrichment for: distinct session source IPs
 * (DShield, URLhaus, SPUR), download hashes (VirusTotal) and login passwords (HIBP, only when
 * enabled; stored by SHA-1). Services run concurrently (each client's rate limiter paces its
 * API); each batch is one cache read (`getMany`), lookups of the misses, and one commit of
 * canonical rows into `enrichment`, so an interrupted run resumes where it stopped. Counters are
 * added to `enrichment_stats` per UTC day. Failed lookups are counted, never thrown.
 *
 * @example
 * ```ts
 * const r = await refreshEnrichment(store, { cache: createSqlCache(store), clients, limit: 1000 });
 * console.log(r.ips, r.apiCalls, r.cacheHits, r.failures);
 * ```
 */
export async function refreshEnrichment(store: CowrieStore, opts: RefreshOptions): Promise<RefreshResult> {
  const started = Date.now();
  const enricher: Enricher = opts.enricher ?? createEnricher({ cache: opts.cache, clients: opts.clients ?? {}, store, offline: opts.offline });
  const clients = opts.clients ?? {};
  const services = opts.services ?? SERVICE_NAMES.filter((s) => enricher.available(s));
  const batchSize = Math.max(1, opts.batchSize ?? 2000);
  const day = isoMicros(started).slice(0, 10);
  const enriched: Record<SubjectType, Set<string>> = { ip: new Set(), file: new Set(), password: new Set() };
  const results: Partial<Record<ServiceName, ServiceRefreshResult>> = {};

  const runService = async (service: ServiceName): Promise<void> => {
    const client = clients[service];
    const subjectType: SubjectType = client?.subjectType ?? (service === 'virustotal' ? 'file' : service === 'hibp' ? 'password' : 'ip');
    const r: ServiceRefreshResult = { subjectType, candidates: 0, written: 0, ...emptyCounters() };
    results[service] = r;
    if (!enricher.available(service)) {
      r.disabled = client?.disabledReason ?? `${service}: no client configured`;
      return;
    }
    const candidates = await staleSubjects(store, service, subjectType, isoMicros(Date.now()), opts.limit);
    r.candidates = candidates.length;
    for (let i = 0; i < candidates.length; i += batchSize) {
      if (opts.signal?.aborted) break;
      const batch = candidates.slice(i, i + batchSize);
      const before = { ...enricher.counters[service] };
      const answers = await enricher.lookupMany(service, batch.map((c) => c.lookup), { concurrency: opts.concurrency, signal: opts.signal });
      const rows: EnrichmentRow[] = [];
      for (const c of batch) {
        const a = answers.get(c.lookup);
        if (!a || (a.status !== 'found' && a.status !== 'not_found')) continue;
        rows.push({ subjectType, subject: c.subject, service, status: a.status, value: a.value, fetchedAt: a.fetchedAt!, expiresAt: a.expiresAt! });
      }
      await writeEnrichmentRows(store, rows);
      const delta = diff(enricher.counters[service], before);
      await addEnrichmentStats(store, day, { [service]: delta });
      for (const k of COUNTER_KEYS) r[k] += delta[k];
      r.written += rows.length;
      for (const row of rows) enriched[subjectType].add(row.subject);
      opts.onProgress?.({ service, subjectType, done: Math.min(i + batchSize, candidates.length), total: candidates.length, elapsedSeconds: (Date.now() - started) / 1000 });
    }
  };

  await Promise.all(services.map(runService));
  const sum = (k: (typeof COUNTER_KEYS)[number]) => Object.values(results).reduce((n, r) => n + (r?.[k] ?? 0), 0);
  return {
    ips: enriched.ip.size, files: enriched.file.size, passwords: enriched.password.size,
    apiCalls: sum('apiCalls'), cacheHits: sum('cacheHits'), failures: sum('failures'), notFound: sum('notFound'), skipped: sum('skipped'),
    seconds: (Date.now() - started) / 1000,
    services: results,
  };
}
