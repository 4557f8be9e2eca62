import type { CowrieStore, QueryFilter } from '@cowrieprocessor/core';
import { mergeIpReputation } from '../services/merge-ip-reputation.js';
import type { DshieldIpInfo, IpReputation, SpurContext, UrlhausHostInfo } from '../services/types.js';
import { readEnrichment } from './read-enrichment.js';

/** A top source IP with what enrichment knows about it (`null` fields when nothing is stored). */
export interface TopIpWithReputation {
  value: string;
  /** Sessions from this IP in the window. */
  count: number;
  country: string | null;
  asn: number | null;
  asName: string | null;
  reputation: IpReputation | null;
}

/**
 * The top source IPs of a window (sessions whose first event falls in it, as `summarize` counts
 * them) joined with their stored enrichment: country, AS and the merged {@link IpReputation}.
 * Enrichment is read once per IP, never copied into sessions.
 *
 * @example
 * ```ts
 * const top = await topIpsWithReputation(store, { since: '2024-03-01T00:00:00.000000Z' }, 10);
 * // [{ value: '203.0.113.5', count: 42, country: 'NL', asn: 64500, asName: '…', reputation: { … } }]
 * ```
 */
export async function topIpsWithReputation(store: CowrieStore, window: QueryFilter = {}, n = 10): Promise<TopIpWithReputation[]> {
  let q = store.db.selectFrom('sessions').select((eb) => ['src_ip', eb.fn.countAll().as('count')])
    .where('src_ip', 'is not', null);
  if (window.since) q = q.where('first_ts', '>=', window.since);
  if (window.until) q = q.where('first_ts', '<', window.until);
  if (window.sensor !== undefined) q = q.where('sensor', '=', window.sensor);
  const top = await q.groupBy('src_ip').orderBy('count', 'desc').orderBy('src_ip').limit(n).execute();
  const enrichment = await readEnrichment(store, 'ip', top.map((r) => r.src_ip!));
  return top.map((r) => {
    const ip = r.src_ip!;
    const e = enrichment.get(ip);
    const reputation = e ? mergeIpReputation({
      ip,
      dshield: e.dshield?.status === 'found' ? (e.dshield.value as DshieldIpInfo) : null,
      urlhaus: (e.urlhaus?.value as UrlhausHostInfo | null | undefined) ?? null,
      spur: e.spur?.status === 'found' ? (e.spur.value as SpurContext) : null,
    }) : null;
    return { value: ip, count: Number(r.count), country: reputation?.country ?? null, asn: reputation?.asn ?? null, asName: reputation?.asName ?? null, reputation };
  });
}
