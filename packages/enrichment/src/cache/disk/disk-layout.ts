import { createHash } from 'node:crypto';
import { isIPv4 } from 'node:net';
import { join } from 'node:path';
import type { ServiceName } from '../../services/types.js';

/**
 * Where the predecessor's `EnrichmentCacheManager` keeps a key, relative to `<base>/<service>/`
 * (`cowrieprocessor.md` §4.7, `predecessor-details.md` §2.1), so a directory it wrote is read as is:
 * - hibp: the upper-case 5-hex prefix `ABCDE` -> `AB/CD/E/ABCDE.json` (other keys: the first 5 of sha256(key));
 * - dshield: IPv4 `a.b.c.d` -> `a/b/c/d.json`;
 * - virustotal (and `virustotal_unknown`): lower-hex key -> its first 8 chars as 2-char dirs, `aa/bb/cc/dd/<key>.json`;
 * - everything else (and the fallbacks): `sha256(key)[:2]/<sha256(key)>.json`.
 *
 * @example
 * ```ts
 * shardedPath('hibp', '5baa6');         // '5B/AA/6/5BAA6.json'
 * shardedPath('dshield', '192.0.2.10'); // '192/0/2/10.json'
 * ```
 */
export function shardedPath(service: string, key: string): string {
  if (service === 'hibp') {
    let p = key.trim().toUpperCase();
    if (!/^[0-9A-F]{5}$/.test(p)) p = digest(key).slice(0, 5).toUpperCase();
    return join(p.slice(0, 2), p.slice(2, 4), p.slice(4, 5), `${p}.json`);
  }
  if (service === 'dshield' && isIPv4(key)) {
    const [a, b, c, d] = key.split('.');
    return join(a!, b!, c!, `${d}.json`);
  }
  if (service === 'virustotal' || service === 'virustotal_unknown') {
    const k = key.toLowerCase();
    if (/^[0-9a-f]+$/.test(k)) {
      const dirs = [0, 2, 4, 6].map((i) => k.slice(i, i + 2)).filter((s) => s.length === 2);
      return join(...dirs, `${k}.json`);
    }
  }
  return legacyPath(key);
}

/**
 * The predecessor's older default layout, `sha256(key)[:2]/<sha256(key)>.json`, which it still
 * reads (moving the file) when the primary path is missing.
 *
 * @example
 * ```ts
 * legacyPath('203.0.113.5'); // 'xx/xxxxxxxx….json' (sha256 of the key)
 * ```
 */
export function legacyPath(key: string): string {
  const d = digest(key);
  return join(d.slice(0, 2), `${d}.json`);
}

/** Hex SHA-256 of the key's UTF-8 bytes (the predecessor's `digest`). */
export function digest(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * The predecessor's flat files for a key in the cache base directory itself (`handlers.py` and
 * `VirusTotalHandler`, `predecessor-details.md` §2.3-2.4), most specific first. SPUR's
 * prefix-glob fallback (which can return another IP's data) is deliberately not reproduced.
 *
 * @example
 * ```ts
 * flatLegacyNames('virustotal', 'ab12…'); // ['vt_ab12….json', 'ab12…']
 * ```
 */
export function flatLegacyNames(service: ServiceName, key: string): string[] {
  switch (service) {
    case 'virustotal':
      return /^[0-9a-fA-F]+$/.test(key) ? [`vt_${key}.json`, `vt_${key.toLowerCase()}.json`, key, key.toLowerCase()].filter((n, i, a) => a.indexOf(n) === i) : [];
    case 'dshield':
      return [`dshield_${key}.json`];
    case 'urlhaus':
      return [`uh_${key}`];
    case 'spur':
      return [`spur_${key.replace(/:/g, '_')}.json`];
    default:
      return [];
  }
}
