import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import bz2 from 'unbzip2-stream';
import type { Compression } from './types.js';

/**
 * Detects compression from the first bytes: gzip `1f 8b`, bzip2 `BZh` + block size `1`..`9`.
 * Names are never looked at: `cowrie.json` may be gzip and `x.gz` may be plain text.
 *
 * @example
 * ```ts
 * sniffCompression(Buffer.from([0x1f, 0x8b, 8, 0])); // 'gzip'
 * sniffCompression(Buffer.from('BZh9'));             // 'bzip2'
 * sniffCompression(Buffer.from('{"eventid"'));       // 'none'
 * ```
 */
export function sniffCompression(head: Buffer): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68 && head[3]! >= 0x31 && head[3]! <= 0x39) return 'bzip2';
  return 'none';
}

/**
 * Decompresses a byte stream. Errors (corrupt or truncated data, or errors of `input`) come out
 * of the returned iterator, never as an uncaught exception. Stopping the iteration early stops
 * reading `input`.
 *
 * @example
 * ```ts
 * for await (const chunk of decompress(raw, 'gzip')) process(chunk);
 * ```
 */
export function decompress(input: AsyncIterable<Buffer>, compression: Compression): AsyncIterable<Buffer> {
  if (compression === 'gzip') return gunzip(input);
  if (compression === 'bzip2') return bunzip2(input);
  return input;
}

/** Node's Gunzip reads every member of a multi-member file (`cat a.gz b.gz`), not just the first. */
async function* gunzip(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const z = createGunzip();
  const src = Readable.from(input, { objectMode: false });
  // pipeline destroys `z` with any error of either side, which rejects the iteration below.
  pipeline(src, z, () => undefined);
  try {
    for await (const chunk of z) yield chunk as Buffer;
  } finally {
    z.destroy();
    src.destroy();
  }
}

/**
 * unbzip2-stream is an old-style `through` stream that decodes synchronously inside `write()`, so
 * feeding one chunk and then draining what it emitted gives natural back-pressure.
 */
async function* bunzip2(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const t = bz2();
  const out: Buffer[] = [];
  let failure: Error | null = null;
  t.on('data', (d: Buffer) => out.push(d));
  t.on('error', (e: unknown) => {
    failure ??= e instanceof Error ? e : new Error(String(e));
  });
  const drain = function* (): Generator<Buffer> {
    if (failure) throw failure;
    for (const d of out) yield d;
    out.length = 0;
  };
  for await (const chunk of input) {
    t.write(chunk);
    yield* drain();
  }
  t.end();
  yield* drain();
}
