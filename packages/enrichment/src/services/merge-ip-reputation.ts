import type { DshieldIpInfo, IpReputation, ServiceName, SpurContext, UrlhausHostInfo } from './types.js';

/** The per-service pieces known for one IP (any may be missing). */
export interface IpReputationParts {
  ip: string;
  dshield?: DshieldIpInfo | null;
  urlhaus?: UrlhausHostInfo | null;
  spur?: SpurContext | null;
}

/**
 * Combine the IP pieces into the one {@link IpReputation} every reader uses. Identity (country,
 * AS) comes from DShield (ISC's AS data is filled even for never-reported IPs) and falls back to
 * SPUR; each service's own verdict stays in its own field.
 *
 * @example
 * ```ts
 * const rep = mergeIpReputation({ ip: '1.2.3.4', dshield: dshieldClient.normalize(ip, a1), spur: spurClient.normalize(ip, a2) });
 * rep.sources; // ['dshield', 'spur']
 * ```
 */
export function mergeIpReputation(parts: IpReputationParts): IpReputation {
  const { dshield, urlhaus, spur } = parts;
  const sources: ServiceName[] = [];
  if (dshield) sources.push('dshield');
  if (urlhaus) sources.push('urlhaus');
  if (spur) sources.push('spur');
  return {
    ip: parts.ip,
    country: dshield?.country ?? spur?.location?.country ?? null,
    asn: dshield?.asn ?? spur?.asn ?? null,
    asName: dshield?.asName ?? spur?.asOrganization ?? null,
    network: dshield?.network ?? null,
    dshield: dshield ? {
      attacks: dshield.attacks, count: dshield.count, maxdate: dshield.maxdate, mindate: dshield.mindate,
      threatfeeds: Object.keys(dshield.threatfeeds).sort(),
    } : null,
    urlhaus: urlhaus ? { urlCount: urlhaus.urlCount, tags: urlhaus.tags } : null,
    spur: spur ?? null,
    sources,
  };
}
