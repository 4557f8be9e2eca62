import type { ServiceName } from '../../services/types.js';
import type { CacheEntry } from '../cache-port.js';

/**
 * How to read a value found in one of the predecessor's files: the raw answer it stands for,
 * its status, and (for `dshield_<ip>.json`) the time written inside the file. `null` = a miss
 * (not an object, or HIBP's empty map, which the predecessor also treats as a miss).
 */
export interface LegacyValue {
  status: Exclude<CacheEntry['status'], 'error'>;
  value: unknown;
  createdMs?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Interpret a predecessor cache value for `service`. VirusTotal's 404 placeholders
 * (`{"error":"not_found"}` from the archive, or the API's `NotFoundError` body) are `not_found`;
 * the legacy `dshield_<ip>.json` wrapper `{timestamp, data}` is unwrapped to the ISC answer.
 *
 * @example
 * ```ts
 * interpretLegacy('virustotal', { error: 'not_found' }); // { status: 'not_found', value: { error: 'not_found' } }
 * interpretLegacy('hibp', {});                             // null (a miss)
 * ```
 */
export function interpretLegacy(service: ServiceName, value: unknown, opts: { flatDshield?: boolean } = {}): LegacyValue | null {
  if (!isObject(value)) return null;
  if (service === 'hibp' && Object.keys(value).length === 0) return null;
  if (service === 'dshield' && opts.flatDshield) {
    if (!isObject(value.data)) return null;
    const ts = Number(value.timestamp);
    return { status: 'found', value: value.data, ...(Number.isFinite(ts) ? { createdMs: ts * 1000 } : {}) };
  }
  if (service === 'virustotal' && isVtNotFound(value)) return { status: 'not_found', value };
  return { status: 'found', value };
}

/**
 * VirusTotal's "never seen this file": the API's 404 body or the predecessor's placeholder.
 *
 * @example
 * ```ts
 * isVtNotFound({ error: { code: 'NotFoundError', message: '…' } }); // true
 * ```
 */
export function isVtNotFound(v: Record<string, unknown>): boolean {
  const e = v.error;
  return e === 'not_found' || (isObject(e) && e.code === 'NotFoundError');
}
