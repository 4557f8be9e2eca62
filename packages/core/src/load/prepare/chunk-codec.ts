import type { RawRecord } from '../../input/types.js';
import type { DerivedRows } from '../../store/writer/batch-types.js';
import { emptySessionDelta, type SessionDelta } from '../../store/writer/session-delta.js';
import type { PreparedRecord } from '../prepare-record.js';
import type { ChunkContext } from './preparer.js';

// Records cross the thread boundary as one byte buffer plus a Float64Array of positions (both
// transferred, not copied); prepared records come back without the buffers the caller already
// holds (original bytes), and with all content hashes in one transferred buffer.

const FIELDS = 8; // start, length(bytes), line, offset, end, lineCount, fullLength, flags
const HASH = 16;

/** A chunk of records as sent to the worker. */
export interface EncodedChunk {
  id: number;
  ctx: ChunkContext;
  bytes: Uint8Array;
  meta: Float64Array;
}

/** The worker's answer for one chunk. */
export interface EncodedResult {
  id: number;
  hashes: Uint8Array;
  /**
   * One packed array per record (see {@link packEvent}): positional values, not objects, because
   * structured clone writes every property name of every object and that cost lands on the
   * loader's thread, the one this codec exists to unload.
   */
  out: unknown[][];
  error?: string;
}

type PreparedEventT = Extract<PreparedRecord, { kind: 'event' }>['event'];
type PreparedDeadT = Extract<PreparedRecord, { kind: 'dead' }>['dead'];

const ROW_KEYS = ['eventid', 'ts', 'sensor', 'session', 'src_ip', 'payload', 'source_id', 'line', 'byte_offset'] as const;
const DEAD_KEYS = ['reason', 'message', 'field', 'source_id', 'line', 'byte_offset', 'length', 'created_at'] as const;
const SESSION_KEYS = Object.keys(emptySessionDelta('', '')) as Array<keyof SessionDelta>;
const BASE = ['sensor', 'session', 'ts', 'src_ip'];
// Derived rows carry exactly their table's columns (less id and event_id).
const DERIVED_KEYS: Record<keyof DerivedRows, readonly string[]> = {
  commands: [...BASE, 'eventid', 'input', 'normalized', 'defanged', 'risk_level', 'risk_score'],
  auth: [...BASE, 'username', 'password', 'success', 'fingerprint', 'key_type'],
  downloads: [...BASE, 'eventid', 'direction', 'failed', 'url', 'shasum', 'outfile', 'destfile', 'filename'],
  sshKeys: [...BASE, 'key_type', 'key_data', 'comment', 'fingerprint_sha256', 'fingerprint_md5', 'bits'],
  forwards: [...BASE, 'eventid', 'target_host', 'target_port', 'orig_ip', 'orig_port'],
};
const DERIVED_KINDS = Object.keys(DERIVED_KEYS) as Array<keyof DerivedRows>;

function pack(o: object, keys: readonly string[]): unknown[] {
  const r = o as Record<string, unknown>;
  return keys.map((k) => r[k]);
}

function unpack<T>(a: readonly unknown[], keys: readonly string[], from = 0): T {
  const o: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const v = a[from + i];
    if (v !== undefined) o[keys[i]!] = v;
  }
  return o as T;
}

/** An event as `[1, ...row, rawAltered, session | null, derived | null]`; a dead letter as `[0, ...dead]`. */
function packEvent(e: PreparedEventT): unknown[] {
  let derived: unknown[] | null = null;
  if (e.derived) {
    derived = [];
    for (let k = 0; k < DERIVED_KINDS.length; k++) {
      const kind = DERIVED_KINDS[k]!;
      const rows = e.derived[kind];
      if (!rows) continue;
      if (rows.length === 0) derived.push(k, null); // an empty list stays an empty list
      for (const row of rows) derived.push(k, pack(row, DERIVED_KEYS[kind]));
    }
  }
  return [1, ...pack(e.row, ROW_KEYS), e.row.raw != null, e.session ? pack(e.session, SESSION_KEYS) : null, derived];
}

function unpackEvent(a: readonly unknown[], content_hash: Buffer, original: Buffer): PreparedEventT {
  const n = ROW_KEYS.length;
  const row = unpack<PreparedEventT['row']>(a, ROW_KEYS, 1);
  row.content_hash = content_hash;
  row.raw = a[1 + n] ? original : null;
  const s = a[2 + n] as unknown[] | null;
  const d = a[3 + n] as unknown[] | null;
  let derived: DerivedRows | null = null;
  if (d) {
    derived = {};
    for (let i = 0; i < d.length; i += 2) {
      const kind = DERIVED_KINDS[d[i] as number]!;
      const list = (derived[kind] ??= []);
      if (d[i + 1] !== null) list.push(unpack(d[i + 1] as unknown[], DERIVED_KEYS[kind]));
    }
  }
  return { row, derived, session: s ? unpack<SessionDelta>(s, SESSION_KEYS) : null, original };
}

/** Pack records for the worker. */
export function encodeChunk(id: number, records: readonly RawRecord[], ctx: ChunkContext): EncodedChunk {
  let total = 0;
  for (const r of records) total += r.bytes.length;
  const bytes = new Uint8Array(total);
  const meta = new Float64Array(records.length * FIELDS);
  let at = 0;
  records.forEach((r, i) => {
    bytes.set(r.bytes, at);
    const m = i * FIELDS;
    meta[m] = at;
    meta[m + 1] = r.bytes.length;
    meta[m + 2] = r.line;
    meta[m + 3] = r.offset;
    meta[m + 4] = r.end;
    meta[m + 5] = r.lineCount;
    meta[m + 6] = r.length;
    meta[m + 7] = (r.tooLarge ? 1 : 0) | (r.unterminated ? 2 : 0) | (r.splitFromLine ? 4 : 0);
    at += r.bytes.length;
  });
  return { id, ctx, bytes, meta };
}

/** Unpack records in the worker (the bytes are views into the chunk's buffer). */
export function decodeChunk(c: EncodedChunk): RawRecord[] {
  const buf = Buffer.from(c.bytes.buffer, c.bytes.byteOffset, c.bytes.byteLength);
  const out: RawRecord[] = [];
  for (let m = 0; m < c.meta.length; m += FIELDS) {
    const flags = c.meta[m + 7]!;
    out.push({
      bytes: buf.subarray(c.meta[m]!, c.meta[m]! + c.meta[m + 1]!),
      line: c.meta[m + 2]!, offset: c.meta[m + 3]!, end: c.meta[m + 4]!, lineCount: c.meta[m + 5]!, length: c.meta[m + 6]!,
      tooLarge: (flags & 1) !== 0, unterminated: (flags & 2) !== 0, splitFromLine: (flags & 4) !== 0,
    });
  }
  return out;
}

/** Pack prepared records and gather their hashes (in the worker). */
export function encodeResult(id: number, prepared: readonly PreparedRecord[]): EncodedResult {
  const hashes = new Uint8Array(prepared.length * HASH);
  const out = prepared.map((p, i) => {
    if (p.kind === 'event') {
      hashes.set(p.event.row.content_hash, i * HASH);
      return packEvent(p.event);
    }
    hashes.set(p.dead.content_hash, i * HASH);
    return [0, ...pack(p.dead, DEAD_KEYS)];
  });
  return { id, hashes, out };
}

/** Rebuild prepared records with the hashes and the caller's buffers (on the loader's thread). */
export function decodeResult(r: EncodedResult, records: readonly RawRecord[]): PreparedRecord[] {
  const hashes = Buffer.from(r.hashes.buffer, r.hashes.byteOffset, r.hashes.byteLength);
  return r.out.map((a, i): PreparedRecord => {
    const rec = records[i]!;
    const content_hash = hashes.subarray(i * HASH, (i + 1) * HASH);
    if (a[0] === 1) return { kind: 'event', event: unpackEvent(a, content_hash, rec.bytes) };
    const dead = unpack<PreparedDeadT>(a, DEAD_KEYS, 1);
    dead.field ??= null;
    return { kind: 'dead', dead: { ...dead, content_hash, raw: rec.bytes } };
  });
}
