/**
 * Builders for `cowrie.abuseipdb.*`.
 *
 * @module
 */
import { readInt, readString } from './coerce.js';
import type { BuilderTable } from './event-builder.js';
import { normalizeIp } from './normalize-ip.js';

/** AbuseIPDB builders, keyed by eventid. The plugin logs the address as upper-case `IP`. */
export const operationalBuilders = {
  'cowrie.abuseipdb.started': (_raw, env) => ({ kind: 'cowrie.abuseipdb.started', ...env }),
  'cowrie.abuseipdb.wakeup': (_raw, env) => ({ kind: 'cowrie.abuseipdb.wakeup', ...env }),
  'cowrie.abuseipdb.ratelimited': (raw, env) => ({
    kind: 'cowrie.abuseipdb.ratelimited',
    ...env,
    retryAfter: readInt(raw['retry_after']),
    wakeAt: readString(raw['wake_at']),
  }),
  'cowrie.abuseipdb.reportedip': (raw, env) => ({
    kind: 'cowrie.abuseipdb.reportedip',
    ...env,
    ip: normalizeIp(raw['IP']),
    confidence: readInt(raw['confidence']),
  }),
  'cowrie.abuseipdb.reportfail': (raw, env) => ({
    kind: 'cowrie.abuseipdb.reportfail',
    ...env,
    ip: normalizeIp(raw['IP']),
    response: readInt(raw['response']),
    reason: readString(raw['reason']),
    exception: readString(raw['exception']),
  }),
} satisfies Partial<BuilderTable>;
