/**
 * Builders for enrichment plugin results.
 *
 * @module
 */
import { readBool, readInt, readLowerHex, readRecord, readString } from './coerce.js';
import type { BuilderTable } from './event-builder.js';

/** Enrichment builders, keyed by eventid. */
export const pluginBuilders = {
  'cowrie.reversedns.connect': (raw, env) => ({
    kind: 'cowrie.reversedns.connect',
    ...env,
    ptr: readString(raw['ptr']),
    ttl: readInt(raw['ttl']),
  }),
  'cowrie.reversedns.forward': (raw, env) => ({
    kind: 'cowrie.reversedns.forward',
    ...env,
    ptr: readString(raw['ptr']),
    ttl: readInt(raw['ttl']),
  }),
  'cowrie.greynoise.result': (_raw, env) => ({ kind: 'cowrie.greynoise.result', ...env }),
  'cowrie.virustotal.scanfile': (raw, env) => ({
    kind: 'cowrie.virustotal.scanfile',
    ...env,
    sha256: readLowerHex(raw['sha256']),
    // Cowrie writes is_new as the string "true"/"false".
    isNew: readBool(raw['is_new']),
    positives: readInt(raw['positives']),
    total: readInt(raw['total']),
    scanDate: readString(raw['scan_date']),
    scans: readRecord(raw['scans']),
  }),
  'cowrie.virustotal.scanurl': (raw, env) => ({
    kind: 'cowrie.virustotal.scanurl',
    ...env,
    url: readString(raw['url']),
    isNew: readBool(raw['is_new']),
    positives: readInt(raw['positives']),
    total: readInt(raw['total']),
    scanDate: readString(raw['scan_date']),
    scans: readRecord(raw['scans']),
  }),
  'cowrie.urlhaus.submitted': (raw, env) => ({
    kind: 'cowrie.urlhaus.submitted',
    ...env,
    url: readString(raw['url']),
    result: readString(raw['result']),
    httpStatus: readInt(raw['http_status']),
  }),
} satisfies Partial<BuilderTable>;
