/**
 * @module dshield-mcp's own shapes (`src/models.py`), with its own snake_case names, built from our
 * data: `DShieldTopAttacker` from the attackers query and `SecuritySummary` from window totals.
 * Where our data has no equivalent the model's default is served (empty list, 0 or null), never
 * an invented value: `reputation_score` stays null (our sources give counts, not a 0-100 score).
 */
import { sql } from 'kysely';
import type { CowrieStore, QueryFilter } from '@cowrieprocessor/core';
import { topAttackers, type Attacker } from './attackers.js';
import { windowOn } from './sql-helpers.js';

/** dshield-mcp `DShieldTopAttacker`. */
export interface DShieldTopAttacker {
  ip_address: string;
  attack_count: number;
  country: string | null;
  asn: string | null;
  organization: string | null;
  reputation_score: number | null;
  first_seen: string | null;
  last_seen: string | null;
  attack_types: string[];
  tags: string[];
  target_ports: number[];
  target_services: string[];
  raw_data: Record<string, unknown>;
}

/** dshield-mcp `SecuritySummary`. */
export interface SecuritySummary {
  timestamp: string;
  time_range_hours: number;
  total_events: number;
  events_by_severity: Record<string, number>;
  events_by_category: Record<string, number>;
  unique_source_ips: number;
  unique_destination_ips: number;
  top_source_ips: Array<{ ip: string; count: number }>;
  top_destination_ips: Array<{ ip: string; count: number }>;
  high_risk_events: number;
  threat_intelligence_hits: number;
  dshield_attacks: number;
  dshield_blocks: number;
  dshield_reputation_hits: number;
  top_attackers: DShieldTopAttacker[];
  geographic_distribution: Record<string, number>;
  port_distribution: Record<string, number>;
  query_duration_ms: number | null;
  indices_queried: string[];
}

/**
 * Our attacker row in dshield-mcp's shape; `attack_count` is sessions (the conventions' count).
 *
 * @example
 * ```ts
 * const compat = (await topAttackers(store, {}, 0, 10)).map(toDShieldTopAttacker);
 * ```
 */
export function toDShieldTopAttacker(a: Attacker, ports: number[] = []): DShieldTopAttacker {
  const types = [a.loginAttempts > 0 && 'ssh_bruteforce', a.loginSuccesses > 0 && 'login_success', a.commands > 0 && 'command_execution', a.downloads > 0 && 'malware_download'].filter((x): x is string => !!x);
  return {
    ip_address: a.value, attack_count: a.count, country: a.country, asn: a.asn === null ? null : `AS${a.asn}`, organization: a.asName,
    reputation_score: null, first_seen: a.firstSeen, last_seen: a.lastSeen, attack_types: types, tags: a.reputation?.threatFeeds ?? [],
    target_ports: ports, target_services: ports.map((p) => (p === 23 || p === 2323 || p === 2223 ? 'telnet' : 'ssh')),
    raw_data: { sensors: a.sensors, login_attempts: a.loginAttempts, credentials_tried: a.credentialsTried, reputation: a.reputation },
  };
}

const CATEGORY: Array<[RegExp, string]> = [
  [/^cowrie\.login\./, 'authentication'], [/^cowrie\.command\./, 'intrusion'], [/^cowrie\.session\.file_(download|upload)/, 'malware'],
  [/^cowrie\.client\./, 'reconnaissance'], [/^cowrie\.(session|direct-tcpip|tcpip)/, 'network'],
];

/**
 * The security summary of a window; `time_range_hours` is the window's length, or the span of
 * the data when the window is open.
 *
 * @example
 * ```ts
 * const s = await securitySummary(store, { since: '2024-03-01T00:00:00.000000Z' }, 10, Date.now());
 * ```
 */
export async function securitySummary(store: CowrieStore, f: QueryFilter, top: number, started: number): Promise<SecuritySummary> {
  const db = store.db;
  const [byEvent, ips, dsts, risk, attackers, ports, span, intelHits] = await Promise.all([
    db.selectFrom('raw_events').select(['eventid', (eb) => eb.fn.countAll<number>().as('n')]).where(windowOn('ts', f)).groupBy('eventid').execute(),
    db.selectFrom('sessions').select([sql<number>`count(distinct src_ip)`.as('n')]).where(windowOn('first_ts', f)).executeTakeFirstOrThrow(),
    db.selectFrom('sessions').select([sql<string>`dst_ip`.as('ip'), (eb) => eb.fn.countAll<number>().as('count')]).where(windowOn('first_ts', f)).where('dst_ip', 'is not', null)
      .groupBy('dst_ip').orderBy('count', 'desc').execute(),
    db.selectFrom('commands').select(['risk_level', (eb) => eb.fn.countAll<number>().as('n')]).where(windowOn('ts', f)).groupBy('risk_level').execute(),
    topAttackers(store, f, 0, top),
    db.selectFrom('sessions').select([sql<number>`dst_port`.as('port'), (eb) => eb.fn.countAll<number>().as('n')]).where(windowOn('first_ts', f)).where('dst_port', 'is not', null).groupBy('dst_port').execute(),
    db.selectFrom('raw_events').select([(eb) => eb.fn.min('ts').as('first'), (eb) => eb.fn.max('ts').as('last')]).where(windowOn('ts', f)).executeTakeFirstOrThrow(),
    db.selectFrom('sessions as s').innerJoin('enrichment as e', (j) => j.onRef('e.subject', '=', 's.src_ip'))
      .select([sql<number>`count(distinct s.src_ip)`.as('any'), sql<number>`count(distinct case when e.service = 'dshield' then s.src_ip end)`.as('dshield')])
      .where('e.subject_type', '=', 'ip').where('e.status', '=', 'found').where(windowOn('s.first_ts', f, 's.sensor')).executeTakeFirstOrThrow(),
  ]);
  const byCategory: Record<string, number> = {};
  let total = 0;
  for (const r of byEvent) {
    const n = Number(r.n);
    total += n;
    const cat = CATEGORY.find(([re]) => re.test(r.eventid))?.[1] ?? 'other';
    byCategory[cat] = (byCategory[cat] ?? 0) + n;
  }
  const severity: Record<string, number> = {};
  for (const r of risk) {
    const level = r.risk_level === 'dangerous' ? 'high' : r.risk_level === 'moderate' ? 'medium' : 'low';
    severity[level] = (severity[level] ?? 0) + Number(r.n);
  }
  const geo: Record<string, number> = {};
  for (const a of attackers) if (a.country) geo[a.country] = (geo[a.country] ?? 0) + a.count;
  const from = f.since ?? (span.first as string | null);
  const to = f.until ?? (span.last as string | null);
  const hours = from && to ? Math.max(0, Math.ceil((Date.parse(to) - Date.parse(from)) / 3_600_000)) : 0;
  return {
    timestamp: new Date().toISOString(), time_range_hours: hours, total_events: total, events_by_severity: severity, events_by_category: byCategory,
    unique_source_ips: Number(ips.n), unique_destination_ips: dsts.length,
    top_source_ips: attackers.map((a) => ({ ip: a.value, count: a.count })),
    top_destination_ips: dsts.slice(0, top).map((d) => ({ ip: d.ip, count: Number(d.count) })),
    high_risk_events: severity.high ?? 0,
    threat_intelligence_hits: Number(intelHits.any),
    dshield_attacks: 0, dshield_blocks: 0,
    dshield_reputation_hits: Number(intelHits.dshield),
    top_attackers: attackers.map((a) => toDShieldTopAttacker(a)),
    geographic_distribution: geo,
    port_distribution: Object.fromEntries(ports.map((p) => [String(p.port), Number(p.n)])),
    query_duration_ms: Date.now() - started,
    indices_queried: ['raw_events', 'sessions', 'commands', 'auth_attempts', 'enrichment'],
  };
}
