/**
 * @module Detection findings (snowshoe and botnet campaigns, longtail findings) with their
 * evidence, member IPs and session counts, from schema step 3.
 */
import { sql } from 'kysely';
import type { CowrieStore } from '@cowrieprocessor/core';
import { jsonValue } from './json-value.js';
import { byteOrder } from './sql-helpers.js';

/** Filters of {@link listFindings}. */
export interface FindingFilter {
  since?: string;
  until?: string;
  /** Only findings with a session on this sensor. */
  sensor?: string;
  detector?: string;
  kind?: string;
  ip?: string;
  minScore?: number;
}

/** A finding as the API serves it. */
export interface Finding {
  id: string;
  detector: string;
  kind: string;
  score: number;
  firstSeen: string | null;
  lastSeen: string | null;
  summary: string;
  evidence: unknown;
  ipCount: number;
  sessionCount: number;
  /** Member IPs with most sessions first (at most `ipsPerFinding`). */
  ips: Array<{ ip: string; sessions: number }>;
  lastRunId: string;
  updatedAt: string;
}

/**
 * Findings active in the window (`lastSeen >= since` and `firstSeen < until`), highest score first.
 *
 * @example
 * ```ts
 * const found = await listFindings(store, { detector: 'snowshoe' }, 0, 20);
 * ```
 */
export async function listFindings(store: CowrieStore, f: FindingFilter, offset: number, limit: number, ipsPerFinding = 20): Promise<Finding[]> {
  let q = store.db.selectFrom('detection_findings as d').selectAll('d');
  if (f.detector) q = q.where('d.detector', '=', f.detector);
  if (f.kind) q = q.where('d.kind', '=', f.kind);
  if (f.minScore !== undefined) q = q.where('d.score', '>=', f.minScore);
  if (f.since) q = q.where((eb) => eb.or([eb('d.last_seen', '>=', f.since!), eb('d.last_seen', 'is', null)]));
  if (f.until) q = q.where((eb) => eb.or([eb('d.first_seen', '<', f.until!), eb('d.first_seen', 'is', null)]));
  if (f.ip) {
    const ip = f.ip;
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('detection_finding_ips as i').select(sql`1`.as('one')).whereRef('i.finding_id', '=', 'd.id').where('i.src_ip', '=', ip)));
  }
  if (f.sensor !== undefined) {
    const s = f.sensor;
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('detection_finding_sessions as fs').select(sql`1`.as('one')).whereRef('fs.finding_id', '=', 'd.id').where('fs.sensor', '=', s)));
  }
  const rows = await q.orderBy('d.score', 'desc').orderBy(byteOrder(store, 'd.id')).limit(limit).offset(offset).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [ips, sessions] = await Promise.all([
    store.db.selectFrom('detection_finding_ips').select(['finding_id', 'src_ip', 'sessions']).where('finding_id', 'in', ids).execute(),
    store.db.selectFrom('detection_finding_sessions').select(['finding_id', (eb) => eb.fn.countAll<number>().as('n')]).where('finding_id', 'in', ids).groupBy('finding_id').execute(),
  ]);
  const ipsOf = new Map<string, Array<{ ip: string; sessions: number }>>();
  for (const r of ips) ipsOf.set(r.finding_id, [...(ipsOf.get(r.finding_id) ?? []), { ip: r.src_ip, sessions: Number(r.sessions) }]);
  const sessionsOf = new Map(sessions.map((r) => [r.finding_id, Number(r.n)]));
  return rows.map((r) => {
    const members = (ipsOf.get(r.id) ?? []).sort((a, b) => b.sessions - a.sessions || (a.ip < b.ip ? -1 : 1));
    return {
      id: r.id, detector: r.detector, kind: r.kind, score: Number(r.score), firstSeen: r.first_seen, lastSeen: r.last_seen,
      summary: r.summary, evidence: jsonValue(r.evidence), ipCount: members.length, sessionCount: sessionsOf.get(r.id) ?? 0,
      ips: members.slice(0, ipsPerFinding), lastRunId: r.last_run_id, updatedAt: r.updated_at,
    };
  });
}
