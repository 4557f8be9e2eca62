/**
 * @module What the enrichment step knows about source IPs (country, ASN, reputation), read from
 * the `enrichment` table (subject_type `ip`). Rows may hold the merged `IpReputation` or one
 * service's piece; identity fields are taken from whichever row has them, each service's verdict
 * is kept under its own name.
 */
import type { CowrieStore } from '@cowrieprocessor/core';
import { jsonValue } from './json-value.js';

/** Enrichment of one IP as the API serves it. */
export interface IpIntel {
  country: string | null;
  asn: number | null;
  asName: string | null;
  reputation: {
    /** DShield: reports and targets attacked (ISC `count` / `attacks`). */
    dshieldReports: number | null;
    dshieldAttacks: number | null;
    threatFeeds: string[];
    urlhausUrls: number | null;
    /** Services with a stored answer. */
    sources: string[];
    fetchedAt: string | null;
  };
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);

/**
 * Enrichment of each IP (IPs without any stored answer are absent from the map).
 *
 * @example
 * ```ts
 * const intel = await ipIntel(store, ['203.0.113.7']);
 * intel.get('203.0.113.7')?.country; // 'NL'
 * ```
 */
export async function ipIntel(store: CowrieStore, ips: readonly string[]): Promise<Map<string, IpIntel>> {
  const out = new Map<string, IpIntel>();
  if (ips.length === 0) return out;
  const rows = await store.db.selectFrom('enrichment').select(['subject', 'service', 'value', 'fetched_at'])
    .where('subject_type', '=', 'ip').where('status', '=', 'found').where('subject', 'in', [...new Set(ips)])
    .orderBy('subject').orderBy('service').execute();
  for (const r of rows) {
    const v = obj(jsonValue(r.value)) ?? {};
    let i = out.get(r.subject);
    if (!i) out.set(r.subject, (i = { country: null, asn: null, asName: null, reputation: { dshieldReports: null, dshieldAttacks: null, threatFeeds: [], urlhausUrls: null, sources: [], fetchedAt: null } }));
    const loc = obj(v.location);
    i.country ??= str(v.country) ?? str(loc?.country);
    i.asn ??= num(v.asn);
    i.asName ??= str(v.asName) ?? str(v.asOrganization) ?? str(v.asname);
    const ds = obj(v.dshield) ?? (r.service === 'dshield' ? v : null);
    if (ds) {
      i.reputation.dshieldReports ??= num(ds.count);
      i.reputation.dshieldAttacks ??= num(ds.attacks);
      if (Array.isArray(ds.threatfeeds)) for (const f of ds.threatfeeds) if (typeof f === 'string' && !i.reputation.threatFeeds.includes(f)) i.reputation.threatFeeds.push(f);
    }
    const uh = obj(v.urlhaus) ?? (r.service === 'urlhaus' ? v : null);
    if (uh) i.reputation.urlhausUrls ??= num(uh.urlCount);
    const sources = Array.isArray(v.sources) ? v.sources.filter((s): s is string => typeof s === 'string') : [r.service];
    for (const s of sources) if (!i.reputation.sources.includes(s)) i.reputation.sources.push(s);
    if (!i.reputation.fetchedAt || r.fetched_at > i.reputation.fetchedAt) i.reputation.fetchedAt = r.fetched_at;
  }
  return out;
}
