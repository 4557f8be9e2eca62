import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors/index.js';
import { decompress, sniffCompression } from './decompress.js';
import { peekBytes } from './peek-bytes.js';
import type { Compression, InputSource } from './types.js';

/** An opened input: where it is from, how it was compressed, and its decompressed bytes. */
export interface OpenedSource {
  source: InputSource;
  compression: Compression;
  /**
   * Decompressed bytes. Read, decompression and corruption errors reject the iteration as an
   * `InputError` naming the file (`code` `INPUT_READ_FAILED` or `INPUT_CORRUPT`).
   */
  stream: AsyncIterable<Buffer>;
  /** Releases the file handle when the stream is not read to its end (e.g. a skipped file). */
  close(): void;
}

export interface OpenSourceOptions {
  /** Rotation generation to record (bulk loads: 0). */
  generation?: number;
  /** Read chunk size; larger chunks mean fewer awaits per line. Default 256 KiB. */
  highWaterMark?: number;
  /** Base for a relative `file` given as a string (default `process.cwd()`). */
  cwd?: string;
  /**
   * Start reading at this offset of the decompressed content (delta loads resuming). A plain file
   * is read from there directly; a compressed one is decompressed from its start and the first
   * `startAt` bytes are discarded. Compression is always sniffed at byte 0.
   */
  startAt?: number;
}

const DEFAULT_HIGH_WATER_MARK = 256 * 1024;

/**
 * Opens a file for reading records: fills its `InputSource` from the opened handle (so inode and
 * size belong to the very file read, even if it is rotated meanwhile) and sniffs compression.
 * Fails (rejects with an `InputError`) when the file cannot be opened or read at all.
 *
 * @example
 * ```ts
 * const { source, compression, stream } = await openSource({ name: 'logs/cowrie.json.2.gz', path: '/abs/logs/cowrie.json.2.gz' });
 * for await (const rec of readRecords(stream)) …
 * ```
 */
export async function openSource(file: string | { name: string; path: string }, opts: OpenSourceOptions = {}): Promise<OpenedSource> {
  const name = typeof file === 'string' ? file : file.name;
  const path = resolve(opts.cwd ?? process.cwd(), typeof file === 'string' ? file : file.path);
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'INPUT_NOT_FOUND' : 'INPUT_OPEN_FAILED';
    throw new InputError(code, `cannot open: ${errorText(e)}`, { file: name }, { cause: e });
  }
  try {
    const st = await handle.stat({ bigint: true });
    if (st.isDirectory()) throw new InputError('INPUT_IS_DIRECTORY', 'is a directory', { file: name });
    const source: InputSource = {
      name,
      path,
      inode: st.ino === 0n ? null : st.ino.toString(),
      generation: opts.generation ?? 0,
      size: st.isFile() ? Number(st.size) : null, // a FIFO or device has no meaningful size
    };
    const startAt = opts.startAt ?? 0;
    if (startAt > 0) {
      const head = Buffer.alloc(4);
      const { bytesRead } = await handle.read(head, 0, 4, 0);
      const compression = sniffCompression(head.subarray(0, bytesRead));
      const raw = handle.createReadStream({ highWaterMark: opts.highWaterMark ?? DEFAULT_HIGH_WATER_MARK, start: compression === 'none' ? startAt : 0 });
      const guarded = guard(raw, name, 'INPUT_READ_FAILED', 'cannot read');
      const stream = compression === 'none' ? guarded : skipBytes(guard(decompress(guarded, compression), name, 'INPUT_CORRUPT', `corrupt ${compression} data`), startAt);
      return { source, compression, stream, close: () => raw.destroy() };
    }
    const raw = handle.createReadStream({ highWaterMark: opts.highWaterMark ?? DEFAULT_HIGH_WATER_MARK });
    return await fromRaw(source, raw, () => raw.destroy());
  } catch (e) {
    await handle.close().catch(() => undefined);
    throw e;
  }
}

/**
 * Opens standard input (or `input`, e.g. a test stream) as a source named `name`, such as
 * `stdin:<loadId>`. Async like {@link openSource}: compression is sniffed from the first bytes.
 * String chunks (a stream with an encoding set) are taken as UTF-8.
 *
 * @example
 * ```ts
 * const { source, compression, stream } = await openStdin(`stdin:${loadId}`);
 * ```
 */
export async function openStdin(name: string, input?: AsyncIterable<Buffer | Uint8Array | string>): Promise<OpenedSource> {
  const source: InputSource = { name, path: null, inode: null, generation: 0, size: null };
  // close() leaves process stdin alone: it is not ours to destroy.
  return fromRaw(source, asBuffers(input ?? process.stdin), () => undefined);
}

async function* asBuffers(input: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<Buffer> {
  for await (const c of input) yield Buffer.isBuffer(c) ? c : typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
}

/**
 * True when the (decompressed) first bytes look like JSON objects: after an optional UTF-8 BOM
 * and whitespace, the first byte is `{`. Lets a directory walk skip `cowrie.log` text logs, tty
 * recordings and the like. Empty or all-whitespace input is false; pass enough bytes (say 512)
 * to get past leading blank lines.
 *
 * @example
 * ```ts
 * sniffLooksLikeJson(Buffer.from('\n{"eventid":"cowrie.session.connect"}')); // true
 * sniffLooksLikeJson(Buffer.from('2018-05-06T17:44:05+0000 [-] Ready'));     // false
 * ```
 */
export function sniffLooksLikeJson(firstBytes: Buffer): boolean {
  let i = firstBytes[0] === 0xef && firstBytes[1] === 0xbb && firstBytes[2] === 0xbf ? 3 : 0;
  for (; i < firstBytes.length; i++) {
    const b = firstBytes[i]!;
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) continue;
    return b === 0x7b;
  }
  return false;
}

async function fromRaw(source: InputSource, raw: AsyncIterable<Buffer>, close: () => void): Promise<OpenedSource> {
  const file = source.name;
  const { head, stream } = await peekBytes(guard(raw, file, 'INPUT_READ_FAILED', 'cannot read'), 4);
  const compression = sniffCompression(head);
  const out = compression === 'none' ? stream : guard(decompress(stream, compression), file, 'INPUT_CORRUPT', `corrupt ${compression} data`);
  return { source, compression, stream: out, close };
}

/** Drops the first `n` bytes of a stream. */
async function* skipBytes(it: AsyncIterable<Buffer>, n: number): AsyncGenerator<Buffer> {
  let left = n;
  for await (const chunk of it) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

/** Re-throws errors of `it` as an `InputError` naming the file (ones already wrapped pass as is). */
async function* guard(it: AsyncIterable<Buffer>, file: string, code: string, what: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of it) yield chunk;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(code, `${what}: ${errorText(e)}`, { file }, { cause: e });
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
