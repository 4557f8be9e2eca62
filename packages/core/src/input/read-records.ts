import { type Line, LineSplitter } from './line-splitter.js';
import { RecordAssembler } from './record-assembler.js';
import type { RawRecord, ReadRecordsOptions } from './types.js';

/** Default record size cap: 4 MiB (conventions: "Record size cap"). */
export const DEFAULT_MAX_RECORD_BYTES = 4 * 1024 * 1024;

/**
 * Reads records out of a (decompressed) byte stream: NDJSON lines, pretty-printed multi-line
 * objects, and lines holding several objects run together (split into one record each).
 *
 * - Blank lines are skipped but counted; `\r\n` and a leading UTF-8 BOM are accepted.
 * - Records over `maxRecordBytes` come out with `tooLarge: true` and only their first bytes; the
 *   rest is read and dropped, so memory stays bounded whatever the input.
 * - A last line without `\n` (or a pretty-printed object still open at the end) is `unterminated`.
 * - Yielded `bytes` may be views into the stream's chunks: copy them if you keep many for long.
 *
 * Aborting `signal` makes the iteration throw an `AbortError` (`name === 'AbortError'`, the
 * signal's reason as `cause`), also while waiting for the next chunk.
 *
 * @example
 * ```ts
 * const { stream } = await openSource('cowrie.json.2.gz');
 * for await (const rec of readRecords(stream)) {
 *   const d = decodeRecord(rec);
 *   if (!d.ok) console.warn(`line ${rec.line}: ${d.reason}: ${d.message}`);
 * }
 * ```
 */
export async function* readRecords(stream: AsyncIterable<Buffer>, opts: ReadRecordsOptions = {}): AsyncGenerator<RawRecord> {
  const cap = opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  if (!Number.isSafeInteger(cap) || cap < 1) throw new RangeError(`maxRecordBytes must be a positive integer, got ${cap}`);
  const signal = opts.signal;
  if (signal?.aborted) throw abortError(signal);

  const splitter = new LineSplitter(cap, opts.start);
  const assembler = new RecordAssembler(cap);
  const lines: Line[] = [];
  const records: RawRecord[] = [];
  const it = stream[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      const r = signal ? await nextOrAbort(it, signal) : await it.next();
      if (r.done) {
        finished = true;
        break;
      }
      const chunk = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value as Uint8Array);
      splitter.push(chunk, lines);
      for (let i = 0; i < lines.length; i++) assembler.push(lines[i]!, records);
      lines.length = 0;
      // Records are batched per chunk so the per-record cost is one `yield`, nothing more.
      for (let i = 0; i < records.length; i++) {
        if (signal?.aborted) throw abortError(signal);
        yield records[i]!;
      }
      records.length = 0;
    }
    splitter.end(lines);
    for (const line of lines) assembler.push(line, records);
    assembler.end(records);
    for (const rec of records) {
      if (signal?.aborted) throw abortError(signal);
      yield rec;
    }
  } finally {
    // Early exit (break, error, abort): release the source. Not awaited, since a source stuck
    // in a pending read (stdin) would only settle its `return()` after that read.
    if (!finished) void Promise.resolve(it.return?.()).catch(() => undefined);
  }
}

function nextOrAbort<T>(it: AsyncIterator<T>, signal: AbortSignal): Promise<IteratorResult<T>> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    it.next().then(
      (r) => {
        signal.removeEventListener('abort', onAbort);
        resolve(r);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * An error shaped like Node's own `AbortError` (`name`, `code`), carrying the signal's reason.
 *
 * @example
 * ```ts
 * if (signal.aborted) throw abortError(signal); // err.name === 'AbortError', err.cause === signal.reason
 * ```
 */
export function abortError(signal: AbortSignal): Error {
  const err = new Error('The operation was aborted', { cause: signal.reason }) as Error & { code: string };
  err.name = 'AbortError';
  err.code = 'ABORT_ERR';
  return err;
}
