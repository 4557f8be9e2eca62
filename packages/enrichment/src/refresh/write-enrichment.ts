import { withWriteTransaction, type CowrieStore } from '@cowrieprocessor/core';
import type { ServiceCounters } from '../enricher/enricher-types.js';
import type { ServiceName, SubjectType } from '../services/types.js';

/** One canonical result to store (once per subject and service, joined where read). */
export interface EnrichmentRow {
  subjectType: SubjectType;
  subject: string;
  service: ServiceName;
  status: 'found' | 'not_found';
  value: unknown;
  fetchedAt: string;
  expiresAt: string;
}

/**
 * Upsert canonical rows into `enrichment` in one write transaction (one commit per batch: what
 * is committed is not redone by the next run).
 *
 * @example
 * ```ts
 * await writeEnrichmentRows(store, [{ subjectType: 'ip', subject: '203.0.113.5', service: 'dshield', status: 'found', value, fetchedAt, expiresAt }]);
 * ```
 */
export async function writeEnrichmentRows(store: CowrieStore, rows: readonly EnrichmentRow[]): Promise<void> {
  if (rows.length === 0) return;
  const values = [...new Map(rows.map((r) => [`${r.subjectType}\u0000${r.subject}\u0000${r.service}`, {
    subject_type: r.subjectType, subject: r.subject, service: r.service, status: r.status,
    value: JSON.stringify(r.value ?? null), fetched_at: r.fetchedAt, expires_at: r.expiresAt,
  }])).values()];
  await withWriteTransaction(store, async (tx) => {
    // 7 bound values per row; at most 1,000 rows per statement.
    const size = Math.max(1, Math.min(1000, Math.floor(store.dialect.maxBindParameters / 7)));
    for (let i = 0; i < values.length; i += size) {
      await tx.insertInto('enrichment').values(values.slice(i, i + size))
        .onConflict((oc) => oc.columns(['subject_type', 'subject', 'service']).doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'), value: eb.ref('excluded.value'), fetched_at: eb.ref('excluded.fetched_at'), expires_at: eb.ref('excluded.expires_at'),
        })))
        .execute();
    }
  });
}

/**
 * Add a run's counters to `enrichment_stats` (one row per UTC day and service, summed).
 *
 * @example
 * ```ts
 * await addEnrichmentStats(store, '2024-03-01', { dshield: { apiCalls: 3, cacheHits: 10, failures: 0, notFound: 0, skipped: 0 } });
 * ```
 */
export async function addEnrichmentStats(store: CowrieStore, day: string, counters: Partial<Record<ServiceName, ServiceCounters>>): Promise<void> {
  const rows = Object.entries(counters)
    .filter(([, c]) => c && c.apiCalls + c.cacheHits + c.failures + c.notFound > 0)
    .map(([service, c]) => ({ day, service, api_calls: c!.apiCalls, cache_hits: c!.cacheHits, failures: c!.failures, not_found: c!.notFound }));
  if (rows.length === 0) return;
  await store.db.insertInto('enrichment_stats').values(rows)
    .onConflict((oc) => oc.columns(['day', 'service']).doUpdateSet((eb) => ({
      api_calls: eb('enrichment_stats.api_calls', '+', eb.ref('excluded.api_calls')).$castTo<number>(),
      cache_hits: eb('enrichment_stats.cache_hits', '+', eb.ref('excluded.cache_hits')).$castTo<number>(),
      failures: eb('enrichment_stats.failures', '+', eb.ref('excluded.failures')).$castTo<number>(),
      not_found: eb('enrichment_stats.not_found', '+', eb.ref('excluded.not_found')).$castTo<number>(),
    })))
    .execute();
}
