/**
 * Raw Cowrie JSON object → typed {@link CowrieEvent}.
 *
 * @module
 */
import { type ParseEventOptions, buildEnvelope } from './build-envelope.js';
import type { CowrieEvent } from './cowrie-event.js';
import type { EventEnvelope } from './envelope.js';
import { EVENT_BUILDERS } from './event-builders.js';
import { retiredEventFamily } from './event-ids.js';
import { mapLegacyEventId } from './normalize-legacy-id.js';
import { sanitizeRaw } from './sanitize-raw.js';

/**
 * Last resort when building threw (a getter or Proxy in a hand-made object): an unknown
 * event whose envelope has nothing but the id, so a caller's loop never sees an exception.
 */
function fallbackEvent(value: Record<string, unknown>, eventid: string): CowrieEvent {
  return {
    kind: 'unknown',
    eventid,
    timestamp: null,
    sensor: null,
    session: null,
    srcIp: null,
    srcPort: null,
    dstIp: null,
    dstPort: null,
    protocol: null,
    message: null,
    uuid: null,
    late: false,
    raw: value,
  };
}

/**
 * Parses one Cowrie event object into its typed form. Never throws.
 *
 * - The caller guarantees `value.eventid` is a string (objects without one are dead letters
 *   upstream); a non-string is tolerated and stringified.
 * - Legacy `KIPP00nn` / `COW00nn` ids are mapped to current ids, keeping `originalEventid`.
 * - `cowrie.threatjammer.*` / `cowrie.backend_pool.*` ids get their family as `kind`.
 * - Unknown ids give `kind: 'unknown'` with the envelope filled and every field in `raw`.
 * - `raw` is `value` itself unless a string held U+0000 or a lone surrogate (see `sanitizeRaw`).
 * - Sensor: `sensorOverride`, else the event's non-empty `sensor`, else `defaultSensor`, else `null`.
 * - Fields of the wrong type become `null`; integer fields accept digit strings (`"22"` → 22).
 *
 * @example
 * const ev = parseEvent({
 *   eventid: 'cowrie.login.failed',
 *   timestamp: '2018-05-06T17:44:52.123456Z',
 *   session: 'ef410359268d',
 *   src_ip: '203.0.113.5',
 *   username: 'root',
 *   password: '123456',
 * });
 * if (ev.kind === 'cowrie.login.failed') ev.password; // '123456'
 */
export function parseEvent(value: Record<string, unknown>, opts?: ParseEventOptions): CowrieEvent {
  let written = '';
  try {
    const id = value['eventid'];
    written = typeof id === 'string' ? id : String(id);
    const raw = sanitizeRaw(value);
    const builder = EVENT_BUILDERS.get(written);
    if (builder !== undefined) return builder(raw, buildEnvelope(raw, written, undefined, opts));

    const mapped = mapLegacyEventId(written);
    if (mapped !== null) {
      const legacyBuilder = EVENT_BUILDERS.get(mapped);
      if (legacyBuilder !== undefined) return legacyBuilder(raw, buildEnvelope(raw, mapped, written, opts));
    }

    const env: EventEnvelope = buildEnvelope(raw, written, undefined, opts);
    const family = retiredEventFamily(written);
    if (family !== null) return { kind: family, ...env };
    return { kind: 'unknown', ...env };
  } catch {
    return fallbackEvent(value, written);
  }
}
