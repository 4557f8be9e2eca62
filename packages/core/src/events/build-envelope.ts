/**
 * The envelope every typed event shares, built once per event before the kind-specific fields.
 *
 * @module
 */
import { readInt, readNumber, readString, readPort } from './coerce.js';
import type { EventEnvelope } from './envelope.js';
import { normalizeIp } from './normalize-ip.js';
import { normalizeMessage } from './normalize-message.js';
import { inferProtocol } from './normalize-protocol.js';
import { normalizeTimestamp } from './normalize-timestamp.js';

/** Options of {@link parseEvent}. */
export interface ParseEventOptions {
  /** Sensor for events whose `sensor` is missing, not a string, or `""` (CLI `--sensor`). */
  defaultSensor?: string;
  /** Sensor that replaces the event's own on every event (CLI `--sensor-override`). */
  sensorOverride?: string;
}

/** Override, else the event's non-empty sensor, else the default; `""` options count as not given. */
function pickSensor(v: unknown, opts: ParseEventOptions | undefined): string | null {
  if (opts?.sensorOverride) return opts.sensorOverride;
  if (typeof v === 'string' && v !== '') return v;
  return opts?.defaultSensor || null;
}

/** `timestamp`, else the optional `epoch` (integer ms, `epoch_timestamp = true`), else `null`. */
function pickTimestamp(raw: Record<string, unknown>): string | null {
  const ts = normalizeTimestamp(raw['timestamp']);
  if (ts !== null || raw['epoch'] === undefined) return ts;
  const epochMs = readNumber(raw['epoch']);
  return epochMs === null ? null : normalizeTimestamp(epochMs / 1000);
}

/**
 * Builds the normalised envelope of one event. `eventid` is the current id (after legacy
 * mapping); `originalEventid` is set only when it differs from what was written.
 * Numeric strings in `src_port` / `dst_port` are accepted as numbers (see `readInt`).
 *
 * @example
 * const env = buildEnvelope({ eventid: 'cowrie.session.connect', src_ip: '::ffff:1.2.3.4', dst_port: 2223 }, 'cowrie.session.connect');
 * env.srcIp; // '1.2.3.4'
 * env.protocol; // 'telnet'
 */
export function buildEnvelope(
  raw: Record<string, unknown>,
  eventid: string,
  originalEventid?: string,
  opts?: ParseEventOptions,
): EventEnvelope {
  const env: EventEnvelope = {
    eventid,
    timestamp: pickTimestamp(raw),
    sensor: pickSensor(raw['sensor'], opts),
    session: readString(raw['session']),
    srcIp: normalizeIp(raw['src_ip']),
    srcPort: readPort(raw['src_port']),
    dstIp: normalizeIp(raw['dst_ip']),
    dstPort: readPort(raw['dst_port']),
    protocol: inferProtocol(raw),
    message: normalizeMessage(raw['message']),
    uuid: readString(raw['uuid']),
    late: raw['late'] === true,
    raw,
  };
  // Only legacy events get the key, so the common shape stays one hidden class.
  if (originalEventid !== undefined) env.originalEventid = originalEventid;
  return env;
}
