/** Transport protocol of a session; inferred from `system` or the port for eras that did not log it. */
export type Protocol = 'ssh' | 'telnet' | 'unknown';

/**
 * Fields every typed Cowrie event has, normalised across Cowrie eras (v1.0 … v3.0.6+).
 * Values that an era did not write, or that had an unusable type, are `null`.
 */
export interface EventEnvelope {
  /** The eventid in its current form (legacy `KIPP00nn` / `COW00nn` ids mapped to `cowrie.*`). */
  eventid: string;
  /** The eventid as written, only when it differed from `eventid` (legacy ids). */
  originalEventid?: string;
  /** UTC, always `YYYY-MM-DDTHH:MM:SS.ffffffZ` (6 fractional digits); `null` when missing or unparseable. */
  timestamp: string | null;
  /** Sensor name (`--sensor` fills a missing or empty one; `--sensor-override` replaces it). */
  sensor: string | null;
  /** Cowrie session id as written (8 or 12 hex chars in real data, anything in tests). */
  session: string | null;
  /** Source IP: IPv4-mapped IPv6 stored as IPv4, IPv6 compressed; other strings kept as written. */
  srcIp: string | null;
  srcPort: number | null;
  /** As written on the event. On direct-tcpip events at v3.0.6+ this is the forward target; use `session.connect` for the honeypot address. */
  dstIp: string | null;
  dstPort: number | null;
  /** `protocol` field, else inferred from `system` (`…Telnet…` / `…SSH…`) or from the port (23/2223 telnet, 22/2222 ssh). */
  protocol: Protocol | null;
  /** `message` as a string (`[]`, `""` and missing become `null`; a surviving `format` is not substituted). */
  message: string | null;
  /** Honeypot instance uuid (v2.8.1+). */
  uuid: string | null;
  /** v3.0.6+ `late: true` (dispatched after the connection closed). */
  late: boolean;
  /** The original JSON object (sanitised: no U+0000, no lone surrogates). */
  raw: Record<string, unknown>;
}
