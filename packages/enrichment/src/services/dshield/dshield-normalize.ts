import { asNumber, asObject, asString, dig } from '../coerce.js';
import type { DshieldIpInfo, RawAnswer } from '../types.js';

/**
 * Raw DShield answer -> {@link DshieldIpInfo}. Accepts the live shape `{"ip":{…}}` (numbers as
 * strings, `null`s), the 200-with-error `{"error":"bad IP address"}`, the predecessor's legacy
 * file `{"timestamp":…, "data":{"ip":{…}}}`, its empty placeholder `{"ip":{"asname":"","ascountry":""}}`
 * and its fixture names (`asnumber`/`asnum`, `asdescription`, `ipcountrycode`).
 *
 * @example
 * ```ts
 * normalizeDshield('1.2.3.4', { status: 'found', raw: { ip: { number: '1.2.3.4', count: '12', as: 7922, ascountry: 'US' } } });
 * // { ip: '1.2.3.4', count: 12, asn: 7922, country: 'US', … }
 * ```
 */
export function normalizeDshield(subject: string, answer: RawAnswer): DshieldIpInfo {
  const top = asObject(answer.raw) ?? {};
  const body = asObject(top.data) && 'timestamp' in top ? asObject(top.data) ?? {} : top;
  const ip = asObject(body.ip) ?? {};
  const asnRaw = ip.as ?? ip.asnumber ?? ip.asnum;
  const info: DshieldIpInfo = {
    ip: asString(ip.number) ?? asString(ip.ip) ?? subject,
    count: asNumber(ip.count),
    attacks: asNumber(ip.attacks),
    maxdate: asString(ip.maxdate) ?? asString(ip.lastseen),
    mindate: asString(ip.mindate) ?? asString(ip.firstseen),
    updated: asString(ip.updated),
    asn: asNumber(typeof asnRaw === 'string' ? asnRaw.replace(/^AS/i, '') : asnRaw),
    asName: asString(ip.asname) ?? asString(ip.asdescription),
    country: asString(ip.ascountry) ?? asString(ip.ipcountrycode),
    asSize: asNumber(ip.assize),
    network: asString(ip.network),
    abuseContact: asString(ip.asabusecontact),
    comment: asString(ip.comment),
    threatfeeds: readFeeds(ip.threatfeeds),
  };
  const error = asString(body.error);
  if (error) info.error = error;
  return info;
}

function readFeeds(v: unknown): DshieldIpInfo['threatfeeds'] {
  const out: DshieldIpInfo['threatfeeds'] = {};
  for (const [name, feed] of Object.entries(asObject(v) ?? {})) {
    out[name] = { firstseen: asString(dig(feed, 'firstseen')), lastseen: asString(dig(feed, 'lastseen')) };
  }
  return out;
}
