import type { RawRecord } from '../../input/types.js';
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
  /** Prepared records stripped of Buffers; `rawAltered` says the event keeps its original bytes. */
  out: Array<LiteRecord>;
  error?: string;
}

type LiteRecord =
  | { kind: 'event'; event: Omit<Extract<PreparedRecord, { kind: 'event' }>['event'], 'original'> & { rawAltered: boolean } }
  | { kind: 'dead'; dead: Omit<Extract<PreparedRecord, { kind: 'dead' }>['dead'], 'raw' | 'content_hash'> };

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

/** Strip what the caller already has and gather the hashes (in the worker). */
export function encodeResult(id: number, prepared: readonly PreparedRecord[]): EncodedResult {
  const hashes = new Uint8Array(prepared.length * HASH);
  const out: LiteRecord[] = prepared.map((p, i) => {
    if (p.kind === 'event') {
      const { original: _o, ...event } = p.event;
      hashes.set(event.row.content_hash, i * HASH);
      const { content_hash: _h, raw, ...row } = event.row;
      return { kind: 'event', event: { ...event, row: row as typeof event.row, rawAltered: raw != null } };
    }
    hashes.set(p.dead.content_hash, i * HASH);
    const { raw: _r, content_hash: _h, ...dead } = p.dead;
    return { kind: 'dead', dead };
  });
  return { id, hashes, out };
}

/** Put back the hashes and the caller's buffers (on the loader's thread). */
export function decodeResult(r: EncodedResult, records: readonly RawRecord[]): PreparedRecord[] {
  const hashes = Buffer.from(r.hashes.buffer, r.hashes.byteOffset, r.hashes.byteLength);
  return r.out.map((lite, i) => {
    const rec = records[i]!;
    const content_hash = hashes.subarray(i * HASH, (i + 1) * HASH);
    if (lite.kind === 'dead') return { kind: 'dead', dead: { ...lite.dead, content_hash, raw: rec.bytes } };
    const { rawAltered, ...event } = lite.event;
    const row = event.row;
    row.content_hash = content_hash;
    row.raw = rawAltered ? rec.bytes : null;
    return { kind: 'event', event: { ...event, original: rec.bytes } };
  });
}
