/**
 * IP addresses in the forms the store keys on (conventions, "Values"): IPv4-mapped IPv6
 * as plain IPv4, other IPv6 in RFC 5952 compressed lower-case form, anything else as written.
 *
 * Telnet never stripped `::ffff:` from mapped addresses (SSH did from v1.1.0), so the same
 * attacker can appear both ways; `dst_ip` can be a hostname or a redacted `x.x.x.x`.
 *
 * @module
 */
import { isIPv6 } from 'node:net';

/** Colon-separated hex groups of one side of a `::` (module-level so no closure is made per call). */
function hexGroups(part: string): number[] {
  if (part === '') return [];
  const out: number[] = [];
  for (const h of part.split(':')) out.push(parseInt(h, 16));
  return out;
}

/** Groups `a..b` of `g` as lower-case hex without leading zeros. */
function hexRange(g: readonly number[], a: number, b: number): string {
  let out = '';
  for (let i = a; i < b; i++) out += (i > a ? ':' : '') + (g[i] ?? 0).toString(16);
  return out;
}

/** The 8 16-bit groups of a valid IPv6 literal (no zone), trailing dotted quad included. */
function ipv6Groups(s: string): number[] {
  let text = s;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.indexOf('.', lastColon) !== -1) {
    // Embedded IPv4 (`::ffff:1.2.3.4`) becomes the last two groups.
    const q = text.slice(lastColon + 1).split('.').map(Number);
    tail.push(((q[0] ?? 0) << 8) | (q[1] ?? 0), ((q[2] ?? 0) << 8) | (q[3] ?? 0));
    text = text.slice(0, lastColon + 1);
    // Keep a `::` that preceded the quad; drop a lone separator colon.
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const dbl = text.indexOf('::');
  let groups: number[];
  if (dbl === -1) {
    groups = hexGroups(text);
  } else {
    const head = hexGroups(text.slice(0, dbl));
    const rest = hexGroups(text.slice(dbl + 2));
    const fill = 8 - tail.length - head.length - rest.length;
    groups = head.concat(new Array<number>(Math.max(fill, 0)).fill(0), rest);
  }
  return groups.concat(tail);
}

/** RFC 5952 text: lower-case hex, no leading zeros, the longest (first on a tie) run of ≥2 zero groups as `::`. */
function compressIpv6(g: readonly number[]): string {
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < g.length; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < g.length && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestStart === -1) return hexRange(g, 0, g.length);
  return `${hexRange(g, 0, bestStart)}::${hexRange(g, bestStart + bestLen, g.length)}`;
}

/**
 * Recent IPv6 results. The same few IPv6 forward targets and sources recur across thousands
 * of events, and parsing one allocates; bounded so hostile input cannot grow it without limit.
 */
const V6_CACHE = new Map<string, string>();
const V6_CACHE_MAX = 4096;

function normalizeIpv6(s: string): string {
  const pct = s.indexOf('%');
  const zone = pct === -1 ? '' : s.slice(pct);
  const g = ipv6Groups(pct === -1 ? s : s.slice(0, pct));
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff && zone === '') {
    const hi = g[6] ?? 0;
    const lo = g[7] ?? 0;
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return compressIpv6(g) + zone;
}

/**
 * Normalises an IP address string. IPv4-mapped IPv6 (`::ffff:1.2.3.4`, any case, also the
 * hex form `::ffff:0102:0304`) → `1.2.3.4`; other IPv6 → RFC 5952 compressed lower case
 * (a `%zone` suffix is kept, `[…]` brackets are removed); IPv4, hostnames and redacted
 * values (`x.x.x.x`) → as written, trimmed. Empty strings and non-strings → `null`.
 *
 * @example
 * normalizeIp('::FFFF:203.0.113.5'); // '203.0.113.5'
 * normalizeIp('2A00:1450:400F:080A:0000:0000:0000:200E'); // '2a00:1450:400f:80a::200e'
 * normalizeIp('login.yahoo.com'); // 'login.yahoo.com'
 * normalizeIp(''); // null
 */
export function normalizeIp(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  let s = v.trim();
  if (s === '') return null;
  // IPv4, hostnames and redactions have no colon: the common case costs one scan.
  if (s.indexOf(':') === -1) return s;
  if (s.charCodeAt(0) === 91 /* [ */ && s.charCodeAt(s.length - 1) === 93 /* ] */) s = s.slice(1, -1);
  const cached = V6_CACHE.get(s);
  if (cached !== undefined) return cached;
  if (!isIPv6(s)) return v.trim();
  const out = normalizeIpv6(s);
  if (V6_CACHE.size >= V6_CACHE_MAX) V6_CACHE.clear();
  V6_CACHE.set(s, out);
  return out;
}
