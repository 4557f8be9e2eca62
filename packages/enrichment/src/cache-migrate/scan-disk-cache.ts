import { readdir } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join, relative, sep } from 'node:path';
import { digest } from '../cache/disk/disk-layout.js';
import { readJsonFile } from '../cache/disk/disk-files.js';
import type { ServiceName } from '../services/types.js';

/** A cache file and the (service, key) it holds, when the key could be recovered. */
export interface ScannedFile {
  path: string;
  service: ServiceName;
  key: string | null;
}

const SERVICES: readonly ServiceName[] = ['dshield', 'virustotal', 'urlhaus', 'spur', 'hibp'];
const HEX = /^[0-9a-f]+$/i;

async function walk(dir: string, out: string[]): Promise<void> {
  let ents;
  try {
    ents = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of ents) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && !e.name.endsWith('.tmp')) out.push(p);
  }
}

/** The key a flat legacy file in the base directory names (predecessor-details.md §2.3-2.4). */
function flatKey(name: string): { service: ServiceName; key: string } | null {
  let m: RegExpExecArray | null;
  if ((m = /^vt_([0-9a-f]{32,64})\.json$/i.exec(name))) return { service: 'virustotal', key: m[1]!.toLowerCase() };
  if (/^[0-9a-f]{64}$/i.test(name)) return { service: 'virustotal', key: name.toLowerCase() };
  if ((m = /^dshield_(.+)\.json$/.exec(name)) && isIP(m[1]!)) return { service: 'dshield', key: m[1]! };
  if ((m = /^uh_(.+)$/.exec(name)) && isIP(m[1]!)) return { service: 'urlhaus', key: m[1]! };
  if ((m = /^spur_(.+)\.json$/.exec(name)) && isIP(m[1]!.replace(/_/g, ':'))) return { service: 'spur', key: m[1]!.replace(/_/g, ':') };
  return null;
}

/**
 * Every cache file under a predecessor cache directory with the key it holds. Keys are read from
 * the path where the layout keeps them (DShield `a/b/c/d.json`, HIBP `ABCDE.json`, VirusTotal
 * `<hash>.json`, flat `vt_<hash>.json` …) or from our `.cowrie/` files; files named by
 * `sha256(key)` (URLhaus, SPUR, IPv6) are matched against `knownKeys` (the store's source IPs)
 * and the answer's own `host` / `ip` field. `key: null` = not recoverable.
 *
 * @example
 * ```ts
 * const files = await scanDiskCache('/mnt/dshield/data/cache', ['203.0.113.5']);
 * ```
 */
export async function scanDiskCache(dir: string, knownKeys: Iterable<string> = []): Promise<ScannedFile[]> {
  const byDigest = new Map<string, string>();
  for (const k of knownKeys) byDigest.set(digest(k), k);
  const out: ScannedFile[] = [];
  for (const name of (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isFile())) {
    const f = flatKey(name.name);
    if (f) out.push({ path: join(dir, name.name), ...f });
  }
  const roots: Array<[string, ServiceName]> = [...SERVICES.map((s) => [s, s] as [string, ServiceName]), ['virustotal_unknown', 'virustotal'], ...SERVICES.map((s) => [join('.cowrie', s), s] as [string, ServiceName])];
  for (const [sub, service] of roots) {
    const files: string[] = [];
    await walk(join(dir, sub), files);
    for (const path of files) {
      const parts = relative(join(dir, sub), path).split(sep);
      const base = parts[parts.length - 1]!.replace(/\.json$/, '');
      let key: string | null = null;
      if (sub.startsWith('.cowrie')) {
        const f = await readJsonFile(path);
        const env = f && f !== 'corrupt' ? (f.value as { __cowrie_cache?: { key?: unknown } }).__cowrie_cache : undefined;
        key = typeof env?.key === 'string' ? env.key : null;
      } else if (byDigest.has(base)) key = byDigest.get(base)!;
      else if (service === 'dshield' && parts.length === 4) key = [...parts.slice(0, 3), base].join('.');
      else if (service === 'hibp' && /^[0-9A-F]{5}$/i.test(base)) key = base.toUpperCase();
      else if (service === 'virustotal' && HEX.test(base) && base.length > 8) key = base.toLowerCase();
      else if (service === 'urlhaus' || service === 'spur' || service === 'dshield') {
        // The raw answer may name its subject (URLhaus `host`, SPUR `ip`, ISC `ip.number`).
        const f = await readJsonFile(path);
        const v = f && f !== 'corrupt' ? (f.value as Record<string, unknown>) : null;
        const ipField = v?.ip as string | { number?: unknown } | undefined;
        const candidate = typeof v?.host === 'string' ? v.host : typeof ipField === 'string' ? ipField : typeof ipField?.number === 'string' ? ipField.number : null;
        key = candidate && digest(candidate) === base ? candidate : null;
      }
      out.push({ path, service, key });
    }
  }
  return out;
}
