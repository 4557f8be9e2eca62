import type { CowrieStore, TimeWindow } from '@cowrieprocessor/core';
import { isoMicros } from '../cache/ttl-policy.js';
import { passwordSha1 } from '../services/hibp/hibp-range.js';
import { SERVICE_NAMES, type ServiceName, type SubjectType } from '../services/types.js';
import type { EnrichmentStatus, ServiceStatus } from './status-types.js';

const SUBJECT: Record<ServiceName, SubjectType> = { dshield: 'ip', urlhaus: 'ip', spur: 'ip', virustotal: 'file', hibp: 'password' };

type Coverage = Pick<ServiceStatus, 'seen' | 'fresh' | 'expired'>;

async function ipOrFileCoverage(store: CowrieStore, service: ServiceName, type: 'ip' | 'file', w: TimeWindow, now: string): Promise<Coverage> {
  const db = store.db;
  // Distinct subjects of the window, then each one's row for the service (one left join).
  const subjects = type === 'ip'
    ? db.selectFrom('sessions').select('src_ip as v').distinct().where('src_ip', 'is not', null)
      .$if(!!w.since, (q) => q.where('first_ts', '>=', w.since!)).$if(!!w.until, (q) => q.where('first_ts', '<', w.until!))
    : db.selectFrom('downloads').select('shasum as v').distinct().where('shasum', 'is not', null).where('shasum', '!=', '')
      .$if(!!w.since, (q) => q.where('ts', '>=', w.since!)).$if(!!w.until, (q) => q.where('ts', '<', w.until!));
  const r = await db.selectFrom(subjects.as('s'))
    .leftJoin('enrichment as e', (j) => j.onRef('e.subject', '=', 's.v').on('e.subject_type', '=', type).on('e.service', '=', service))
    .select((eb) => [
      eb.fn.countAll().as('seen'),
      eb.fn.count(eb.case().when('e.expires_at', '>', now).then(1).end()).as('fresh'),
      eb.fn.count(eb.case().when('e.expires_at', '<=', now).then(1).end()).as('expired'),
    ])
    .executeTakeFirstOrThrow();
  return { seen: Number(r.seen), fresh: Number(r.fresh), expired: Number(r.expired) };
}

async function passwordCoverage(store: CowrieStore, service: ServiceName, w: TimeWindow, now: string): Promise<Coverage> {
  // SHA-1 is not portable SQL: hash the window's distinct passwords here.
  const rows = await store.db.selectFrom('auth_attempts').select('password').distinct().where('password', 'is not', null)
    .$if(!!w.since, (q) => q.where('ts', '>=', w.since!)).$if(!!w.until, (q) => q.where('ts', '<', w.until!)).execute();
  const seen = new Set(rows.map((r) => passwordSha1(r.password!)));
  const stored = await store.db.selectFrom('enrichment').select(['subject', 'expires_at']).where('subject_type', '=', 'password').where('service', '=', service).execute();
  let fresh = 0;
  let expired = 0;
  for (const s of stored) {
    if (!seen.has(s.subject)) continue;
    if (s.expires_at > now) fresh++;
    else expired++;
  }
  return { seen: seen.size, fresh, expired };
}

/**
 * Per service: the share of distinct source IPs (hashes, passwords) seen in `[since, until)` that
 * have fresh enrichment, how many have expired or none, the cache table's health, and hit rates
 * from `enrichment_stats` (all recorded days) — the questions of the enrichment diagnostics, answered from our tables.
 *
 * @example
 * ```ts
 * const s = await enrichmentStatus(store, { since: '2024-03-01T00:00:00.000000Z' });
 * s.services.dshield.freshShare; // 0.97
 * ```
 */
export async function enrichmentStatus(store: CowrieStore, window: TimeWindow = {}, at: Date = new Date()): Promise<EnrichmentStatus> {
  const now = isoMicros(at);
  const cacheRows = await store.db.selectFrom('enrichment_cache')
    .select((eb) => ['service', eb.fn.countAll().as('entries'),
      eb.fn.count(eb.case().when('expires_at', '<=', now).then(1).end()).as('expired'),
      eb.fn.count(eb.case().when('status', '=', 'error').then(1).end()).as('errors')])
    .groupBy('service').execute();
  // Work counters are by the day the work was done, not by when subjects were seen: an old
  // capture is enriched today. So they cover every recorded day, whatever the window.
  const statsRows = await store.db.selectFrom('enrichment_stats').select(['service', 'api_calls', 'cache_hits', 'failures', 'not_found']).execute();
  const services = {} as Record<ServiceName, ServiceStatus>;
  for (const service of SERVICE_NAMES) {
    const type = SUBJECT[service];
    const cov = type === 'password' ? await passwordCoverage(store, service, window, now) : await ipOrFileCoverage(store, service, type, window, now);
    const c = cacheRows.find((r) => r.service === service);
    const st = statsRows.filter((r) => r.service === service);
    const sum = (k: 'api_calls' | 'cache_hits' | 'failures' | 'not_found') => st.reduce((n, r) => n + Number(r[k]), 0);
    const apiCalls = sum('api_calls');
    const cacheHits = sum('cache_hits');
    services[service] = {
      subjectType: type, ...cov, missing: cov.seen - cov.fresh - cov.expired,
      freshShare: cov.seen === 0 ? null : Math.round((cov.fresh / cov.seen) * 10_000) / 10_000,
      cache: { entries: Number(c?.entries ?? 0), expired: Number(c?.expired ?? 0), errors: Number(c?.errors ?? 0) },
      stats: { apiCalls, cacheHits, failures: sum('failures'), notFound: sum('not_found'), hitRate: apiCalls + cacheHits === 0 ? null : Math.round((cacheHits / (apiCalls + cacheHits)) * 10_000) / 10_000 },
    };
  }
  return { window: { since: window.since ?? null, until: window.until ?? null }, services };
}
