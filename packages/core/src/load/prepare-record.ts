import { parseEvent } from '../events/index.js';
import { contentHash, decodeRecord } from '../input/index.js';
import type { RawRecord } from '../input/types.js';
import type { PreparedDeadLetter, PreparedEvent } from '../store/writer/batch-types.js';
import { deriveFacts } from './derive-rows.js';

/** What one record becomes before it is written. */
export type PreparedRecord = { kind: 'event'; event: PreparedEvent } | { kind: 'dead'; dead: PreparedDeadLetter };

/**
 * Turn one record into an event row (with its derived rows and session contribution) or a dead
 * letter. Pure and synchronous: the loader's per-record hot path.
 *
 * @example
 * ```ts
 * const p = prepareRecord(rec, sourceId, { sensor: 'honey-1' }, nowIso());
 * if (p.kind === 'dead') console.warn(p.dead.reason, p.dead.message);
 * ```
 */
export function prepareRecord(rec: RawRecord, sourceId: number, opts: { sensor?: string; sensorOverride?: string }, now: string): PreparedRecord {
  const hash = contentHash(rec);
  const d = decodeRecord(rec);
  if (!d.ok) {
    return {
      kind: 'dead',
      dead: {
        content_hash: hash, reason: d.reason, message: safeMessage(d.message), field: d.field ?? null,
        source_id: sourceId, line: rec.line, byte_offset: rec.offset, length: rec.length, raw: rec.bytes, created_at: now,
      },
    };
  }
  const ev = parseEvent(d.value, { defaultSensor: opts.sensor, sensorOverride: opts.sensorOverride });
  const facts = deriveFacts(ev);
  return {
    kind: 'event',
    event: {
      row: {
        content_hash: hash, eventid: ev.eventid, ts: ev.timestamp, sensor: ev.sensor ?? '', session: ev.session, src_ip: ev.srcIp,
        payload: d.altered ? JSON.stringify(d.value) : d.text,
        raw: d.altered ? rec.bytes : null,
        source_id: sourceId, line: rec.line, byte_offset: rec.offset,
      },
      derived: facts.derived,
      session: facts.session,
      original: rec.bytes,
    },
  };
}

/**
 * A dead letter's message quotes attacker bytes (V8's JSON errors echo the input): keep it
 * printable and storable everywhere (no NUL, no control characters, no lone surrogates).
 */
export function safeMessage(m: string): string {
  // eslint-disable-next-line no-control-regex
  return m.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).replace(LONE_SURROGATE, '\ufffd').slice(0, 2000);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
