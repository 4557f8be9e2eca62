import type { CowrieStore } from '@cowrieprocessor/core';
import { isoMicros } from '../cache/ttl-policy.js';
import type { ServiceName, SubjectType } from '../services/types.js';

/** One service's stored canonical result for a subject. */
export interface StoredEnrichment<T = unknown> {
  status: 'found' | 'not_found';
  value: T;
  fetchedAt: string;
  expiresAt: string;
  /** Whether it is still fresh now (stale results are still returned: old data beats none). */
  fresh: boolean;
}

/**
 * The `enrichment` rows of some subjects, by subject then service (one query per 1,000 subjects).
 *
 * @example
 * ```ts
 * const byIp = await readEnrichment(store, 'ip', ['203.0.113.5']);
 * byIp.get('203.0.113.5')?.dshield?.value; // DshieldIpInfo
 * ```
 */
export async function readEnrichment(store: CowrieStore, type: SubjectType, subjects: readonly string[], now: Date = new Date()): Promise<Map<string, Partial<Record<ServiceName, StoredEnrichment>>>> {
  const out = new Map<string, Partial<Record<ServiceName, StoredEnrichment>>>();
  const unique = [...new Set(subjects)];
  const at = isoMicros(now);
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await store.db.selectFrom('enrichment').select(['subject', 'service', 'status', 'value', 'fetched_at', 'expires_at'])
      .where('subject_type', '=', type).where('subject', 'in', unique.slice(i, i + 1000)).execute();
    for (const r of rows) {
      const value = typeof r.value === 'string' && !store.dialect.jsonParsedOnRead ? (JSON.parse(r.value) as unknown) : r.value;
      const m = out.get(r.subject) ?? {};
      m[r.service as ServiceName] = { status: r.status as StoredEnrichment['status'], value, fetchedAt: r.fetched_at, expiresAt: r.expires_at, fresh: r.expires_at > at };
      out.set(r.subject, m);
    }
  }
  return out;
}
