import type { CowrieStore } from '@cowrieprocessor/core';
import type { IpInfo } from '../snowshoe/snowshoe-options.js';

/**
 * ASN and country per IP from the `enrichment` table, when it exists and has rows (never
 * required: an empty map otherwise). Reads whatever service stored `asn` / `country` (or
 * `asn.number`, `countryCode`, `country_code`) in its canonical value.
 *
 * @example
 * ```ts
 * const ipInfo = await loadIpInfo(store); // Map { '203.0.113.5' => { asn: 64500, country: 'NL' } }
 * ```
 */
export async function loadIpInfo(store: CowrieStore): Promise<Map<string, IpInfo>> {
  const out = new Map<string, IpInfo>();
  if (!(await store.dialect.tableExists(store.db, 'enrichment'))) return out;
  const rows = await store.db.selectFrom('enrichment').select(['subject', 'value']).where('subject_type', '=', 'ip').where('status', '=', 'found').execute();
  for (const r of rows) {
    let v: Record<string, unknown> | null = null;
    try {
      v = (typeof r.value === 'string' ? JSON.parse(r.value) : r.value) as Record<string, unknown> | null;
    } catch {
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    const asnRaw = v.asn;
    const asn = asnRaw && typeof asnRaw === 'object' ? (asnRaw as Record<string, unknown>).number : asnRaw;
    const country = v.country ?? v.countryCode ?? v.country_code;
    const prev = out.get(r.subject) ?? {};
    out.set(r.subject, {
      asn: prev.asn ?? (typeof asn === 'string' || typeof asn === 'number' ? asn : null),
      country: prev.country ?? (typeof country === 'string' ? country : null),
    });
  }
  return out;
}
