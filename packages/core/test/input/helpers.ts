import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRecords } from '../../src/input/index.js';
import type { RawRecord, ReadRecordsOptions } from '../../src/input/index.js';

/** Yields `buf` cut into chunks of the given sizes (the last size repeats). */
export async function* chunked(buf: Buffer, sizes: number[] | number): AsyncGenerator<Buffer> {
  const list = typeof sizes === 'number' ? [sizes] : sizes;
  let pos = 0;
  let k = 0;
  while (pos < buf.length) {
    const n = Math.max(1, list[Math.min(k++, list.length - 1)]!);
    yield buf.subarray(pos, pos + n);
    pos += n;
  }
}

/** Yields the given chunks as they are. */
export async function* fromChunks(chunks: Buffer[]): AsyncGenerator<Buffer> {
  for (const c of chunks) yield c;
}

/** A plain, comparable view of a record. */
export interface Rec {
  text: string;
  line: number;
  offset: number;
  lineCount: number;
  length: number;
  tooLarge: boolean;
  unterminated: boolean;
  splitFromLine: boolean;
}

export function view(r: RawRecord): Rec {
  return {
    text: r.bytes.toString('latin1'),
    line: r.line,
    offset: r.offset,
    lineCount: r.lineCount,
    length: r.length,
    tooLarge: r.tooLarge,
    unterminated: r.unterminated,
    splitFromLine: r.splitFromLine,
  };
}

export async function collect(stream: AsyncIterable<Buffer>, opts?: ReadRecordsOptions): Promise<Rec[]> {
  const out: Rec[] = [];
  for await (const r of readRecords(stream, opts)) out.push(view(r));
  return out;
}

/** Reads `input` (a string is taken as UTF-8) in one chunk. */
export function read(input: Buffer | string, opts?: ReadRecordsOptions): Promise<Rec[]> {
  const buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  return collect(fromChunks([buf]), opts);
}

/** Small deterministic PRNG (mulberry32), so failures reproduce. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'cowrie-input-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
