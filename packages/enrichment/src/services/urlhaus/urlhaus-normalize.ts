import { asNumber, asObject, asString, asStringList } from '../coerce.js';
import type { RawAnswer, UrlhausHostInfo } from '../types.js';

/**
 * Raw URLhaus answer -> {@link UrlhausHostInfo}. Accepts the live `/host/` body (`url_count` as
 * a string, `tags` possibly `null`), `{"query_status":"no_results"}`, the predecessor's cache
 * value `{"tags":"a,b"}` and its bare tag strings (`"a, b"`, from the legacy reader).
 *
 * @example
 * ```ts
 * normalizeUrlhaus('1.2.3.4', { status: 'found', raw: { query_status: 'ok', url_count: '2', urls: [{ tags: ['elf', 'mirai'] }, { tags: null }] } });
 * // { host: '1.2.3.4', urlCount: 2, tags: ['elf', 'mirai'], … }
 * ```
 */
export function normalizeUrlhaus(subject: string, answer: RawAnswer): UrlhausHostInfo {
  const info: UrlhausHostInfo = { host: subject, urlCount: 0, tags: [], firstSeen: null, blacklists: {}, reference: null };
  if (typeof answer.raw === 'string') return { ...info, tags: sortedUnique(asStringList(answer.raw)) };
  const body = asObject(answer.raw) ?? {};
  if (!('query_status' in body) && typeof body.tags === 'string') {
    // Predecessor cache form: only the joined tags survived, not the URL count.
    return { ...info, tags: sortedUnique(asStringList(body.tags)) };
  }
  if (answer.status === 'not_found' || body.query_status !== 'ok') return info;
  const urls = Array.isArray(body.urls) ? body.urls : [];
  const tags = urls.flatMap((u) => asStringList(asObject(u)?.tags));
  return {
    host: asString(body.host) ?? subject,
    urlCount: asNumber(body.url_count) ?? urls.length,
    tags: sortedUnique(tags),
    firstSeen: asString(body.firstseen),
    blacklists: Object.fromEntries(Object.entries(asObject(body.blacklists) ?? {}).map(([k, v]) => [k, String(v)])),
    reference: asString(body.urlhaus_reference),
  };
}

function sortedUnique(tags: string[]): string[] {
  return [...new Set(tags)].sort();
}
