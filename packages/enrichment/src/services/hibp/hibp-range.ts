import { createHash } from 'node:crypto';
import { MalformedResponseError } from '../../errors.js';
import { asNumber, asObject } from '../coerce.js';
import type { HibpRangeResult } from '../types.js';

/**
 * Upper-case SHA-1 hex of a password: the only form in which a password is stored or looked up.
 *
 * @example
 * ```ts
 * passwordSha1('password'); // '5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8'
 * ```
 */
export function passwordSha1(password: string): string {
  return createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
}

/**
 * Parse a range body (`SUFFIX:COUNT` per line, CRLF or LF, last newline optional) into a
 * suffix -> count map. Padding lines (`:0`, sent with `Add-Padding`) are dropped so that a
 * padded suffix never reads as breached. Any other line is a malformed answer.
 *
 * @example
 * ```ts
 * parseRangeBody('hibp', '0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0');
 * // { '0018A45C4D1DEF81644B54AB7F969B88D65': 1 }
 * ```
 */
export function parseRangeBody(service: 'hibp', text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '') continue;
    const m = /^([0-9A-Fa-f]{35}):(\d+)$/.exec(t);
    if (!m) throw new MalformedResponseError(service, 'range body line is not SUFFIX:COUNT', { line: t.slice(0, 80) });
    const count = Number(m[2]);
    if (count > 0) out[(m[1] as string).toUpperCase()] = count;
  }
  return out;
}

/**
 * A cached range in any form we wrote or the predecessor wrote (`{SUFFIX: count}`, or our
 * {@link HibpRangeResult}) -> suffix -> count map.
 */
export function readRangeMap(raw: unknown): Record<string, number> {
  const o = asObject(raw) ?? {};
  const map = asObject(o.counts) && typeof o.prefix === 'string' ? (asObject(o.counts) ?? {}) : o;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(map)) {
    const n = asNumber(v);
    if (n !== null && n > 0) out[k.trim().toUpperCase()] = n;
  }
  return out;
}

/** Parsed range as a {@link HibpRangeResult}. */
export function toRangeResult(prefix: string, raw: unknown): HibpRangeResult {
  return { prefix: prefix.toUpperCase(), counts: readRangeMap(raw) };
}
