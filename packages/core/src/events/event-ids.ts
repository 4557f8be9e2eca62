/**
 * The event ids this package types.
 *
 * `CURRENT_EVENT_IDS` mirrors cowrie's authoritative `src/cowrie/core/eventids.py` at HEAD
 * (48 ids). Retired ids that real logs from older releases still contain are typed as
 * well: `cowrie.pool_client` exactly, and the `cowrie.threatjammer.*` and
 * `cowrie.backend_pool.*` families as patterns (their members were never documented).
 *
 * @module
 */

/** Every id in cowrie's `core/eventids.py` at HEAD, grouped as there. */
export const CURRENT_EVENT_IDS = [
  // Operational (AbuseIPDB)
  'cowrie.abuseipdb.ratelimited',
  'cowrie.abuseipdb.reportedip',
  'cowrie.abuseipdb.reportfail',
  'cowrie.abuseipdb.started',
  'cowrie.abuseipdb.wakeup',
  // Client
  'cowrie.client.fingerprint',
  'cowrie.client.kex',
  'cowrie.client.malformed_packet',
  'cowrie.client.size',
  'cowrie.client.var',
  'cowrie.client.version',
  // Commands
  'cowrie.command.chpasswd',
  'cowrie.command.failed',
  'cowrie.command.input',
  'cowrie.command.success',
  // Port forwarding
  'cowrie.direct-tcpip.data',
  'cowrie.direct-tcpip.ja4',
  'cowrie.direct-tcpip.ja4h',
  'cowrie.direct-tcpip.redirect',
  'cowrie.direct-tcpip.request',
  'cowrie.direct-tcpip.tunnel',
  'cowrie.tunnelproxy-tcpip.data',
  // Enrichment plugins
  'cowrie.greynoise.result',
  // TTY logs
  'cowrie.log.closed',
  'cowrie.log.open',
  // Authentication
  'cowrie.login.failed',
  'cowrie.login.success',
  // Proxy mode
  'cowrie.proxy.backend_connect_error',
  'cowrie.proxy.backend_connected',
  'cowrie.proxy.backend_disconnected',
  'cowrie.proxy.client_disconnect',
  'cowrie.proxy.ssh',
  // Enrichment plugins
  'cowrie.reversedns.connect',
  'cowrie.reversedns.forward',
  // Connection and session
  'cowrie.session.closed',
  'cowrie.session.connect',
  'cowrie.session.file_download',
  'cowrie.session.file_download.failed',
  'cowrie.session.file_upload',
  'cowrie.session.input',
  'cowrie.session.params',
  // Telnet
  'cowrie.telnet.error',
  'cowrie.telnet.exploit_attempt',
  'cowrie.telnet.exploit_success',
  'cowrie.telnet.option',
  // Enrichment plugins
  'cowrie.urlhaus.submitted',
  'cowrie.virustotal.scanfile',
  'cowrie.virustotal.scanurl',
] as const;

/** Retired ids with an exact spelling (v2.0–v3.0.5 proxy pool). */
export const RETIRED_EVENT_IDS = ['cowrie.pool_client'] as const;

/**
 * Retired id families, written as the `kind` of their events: an event whose eventid
 * starts with `cowrie.threatjammer.` has `kind: 'cowrie.threatjammer.*'` and keeps its
 * real id in `eventid`.
 */
export const RETIRED_EVENT_FAMILIES = ['cowrie.threatjammer.*', 'cowrie.backend_pool.*'] as const;

/** One of the 48 ids cowrie emits at HEAD. */
export type CurrentEventId = (typeof CURRENT_EVENT_IDS)[number];
/** A retired id with an exact spelling. */
export type RetiredEventId = (typeof RETIRED_EVENT_IDS)[number];
/** A retired id family, as used in `kind`. */
export type RetiredEventFamily = (typeof RETIRED_EVENT_FAMILIES)[number];

/** Every exact id that parses to a typed event whose `kind` equals it (current + retired). */
export type KnownEventId = CurrentEventId | RetiredEventId;

/** The 48 current ids followed by the retired exact ids (49 in all); families are not included. */
export const KNOWN_EVENT_IDS: readonly KnownEventId[] = [...CURRENT_EVENT_IDS, ...RETIRED_EVENT_IDS];

/** Every value `CowrieEvent['kind']` can take. */
export type EventKind = KnownEventId | RetiredEventFamily | 'unknown';

const KNOWN_SET: ReadonlySet<string> = new Set(KNOWN_EVENT_IDS);

/**
 * True when `id` is one of {@link KNOWN_EVENT_IDS} (exact match; legacy `KIPP`/`COW` ids
 * and family members are not).
 *
 * @example
 * isKnownEventId('cowrie.login.success'); // true
 * isKnownEventId('cowrie.threatjammer.report'); // false
 */
export function isKnownEventId(id: string): id is KnownEventId {
  return KNOWN_SET.has(id);
}

/**
 * The retired family an id belongs to, or `null`.
 *
 * @example
 * retiredEventFamily('cowrie.threatjammer.reportedip'); // 'cowrie.threatjammer.*'
 * retiredEventFamily('cowrie.login.failed'); // null
 */
export function retiredEventFamily(id: string): RetiredEventFamily | null {
  if (id.startsWith('cowrie.threatjammer.')) return 'cowrie.threatjammer.*';
  if (id.startsWith('cowrie.backend_pool.')) return 'cowrie.backend_pool.*';
  return null;
}
