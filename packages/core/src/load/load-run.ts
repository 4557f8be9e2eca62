import { readRecords } from '../input/index.js';
import type { InputSource } from '../input/types.js';
import type { CowrieStore } from '../store/open-store.js';
import type { BatchOutcome, PreparedDeadLetter, PreparedEvent } from '../store/writer/batch-types.js';
import type { CursorUpdate } from '../store/writer/batch-writer.js';
import { nowIso } from '../util/now-iso.js';
import { commitBatch } from './commit-batch.js';
import { LoadAbortedError } from './load-aborted-error.js';
import type { FileLoadResult, LoadOptions, LoadResult } from './load-types.js';
import type { RawRecord } from '../input/types.js';
import type { PreparedRecord } from './prepare-record.js';
import { createInlinePreparer } from './prepare/inline-preparer.js';
import type { Preparer } from './prepare/preparer.js';
import { createThreadPreparer, preparerWorkerUrl } from './prepare/thread-preparer.js';
import { IMPORTED, importedLines } from './imported-lines.js';

// A batch is also flushed on size, so a run of 4 MiB dead letters cannot pile up gigabytes.
const MAX_BATCH_BYTES = 32 * 1024 * 1024;
const SESSION_SET_LIMIT = 50_000;
// Records go to the preparer in chunks; this many chunks may be read ahead of the batch being
// filled, so the preparer thread has work while the loader's thread writes to the database.
const CHUNK_RECORDS = 1_000;
// Inline preparation runs synchronously inside send(), and buffered file reads resolve as
// microtasks, so nothing else runs until a chunk is done. While a batch commits on PostgreSQL,
// each of its round trips waits for that: short chunks, and a turn of the event loop after each,
// let the commit's statements follow one another while the next batch is prepared (measured on
// 236,864 events: 6.2 s with chunks of 1,000 and no turn, 5.4 s with 100 and a turn; SQLite,
// whose commits are synchronous, unchanged).
const INLINE_CHUNK_RECORDS = 100;
const CHUNK_BYTES = 1024 * 1024;
const CHUNKS_AHEAD = 4;

/** How {@link LoadRun.readFile} reads one stream. */
export interface ReadFileMode {
  /** False for a file that may still grow: an unterminated last record is left for the next run. */
  complete: boolean;
  /** Resume point (delta loads): byte offset and line number of the stream's first byte. */
  start?: { offset: number; line: number };
  /** The cursor to commit with each batch, given the position after the last record read; `final` on the file's last commit. */
  cursor?: (end: { offset: number; line: number }, final: boolean) => CursorUpdate;
  /** Told when reading the stream failed part-way (its cursor must not be marked complete). */
  onFailed?: () => void;
}

/** Where a stream ended: the resume point, and an unterminated record left pending. */
export interface ReadFileEnd {
  end: { offset: number; line: number };
  pending: { byteOffset: number; bytes: number } | null;
  failed: boolean;
}

/**
 * The state of one load: counters, the open batch, progress. Loaders (bulk, delta) feed it
 * record streams; it turns records into events or dead letters and commits them in batches.
 * All counts come from committed batch outcomes, so `records == events + duplicates +
 * deadLetters` holds whatever fails.
 */
export class LoadRun {
  private readonly started = Date.now();
  private readonly batchSize: number;
  private events: PreparedEvent[] = [];
  private dead: PreparedDeadLetter[] = [];
  private batchBytes = 0;
  private inFlight: { promise: Promise<unknown>; size: number; done: boolean } | null = null;
  private failedSize = 0;
  private position: { offset: number; line: number } = { offset: 0, line: 1 };
  private cursorOf: ReadFileMode['cursor'] | null = null;
  // Distinct sessions touched, kept exactly up to a bound so memory does not grow with the input;
  // past it, the count comes from the sessions the load's transactions updated.
  private readonly sessions = new Set<string>();
  private sessionsOverflow = false;
  private startedIso = nowIso();
  private readonly res: LoadResult;
  private filesTotal = 0;
  private bytesTotal = 0;
  private bytesDone = 0;
  private currentBytes = 0;
  private current: FileLoadResult | null = null;
  private preparer: Preparer | null = null;

  constructor(
    private readonly store: CowrieStore,
    readonly loadId: string,
    private readonly kind: 'bulk' | 'delta' | 'import',
    private readonly opts: LoadOptions,
  ) {
    this.batchSize = Math.max(1, opts.batchSize ?? store.dialect.defaultBatchSize);
    this.res = {
      loadId, files: 0, records: 0, events: 0, duplicates: 0, deadLetters: 0, sessions: 0, seconds: 0,
      splitRecords: 0, pending: [], skipped: [], failed: [], perFile: [], deadLetterSamples: [], warnings: [],
    };
  }

  /** Record the load and announce how many files will be read. */
  async begin(filesTotal: number, bytesTotal = 0): Promise<void> {
    this.startedIso = nowIso();
    this.filesTotal = filesTotal;
    this.bytesTotal = bytesTotal;
    await this.store.db.insertInto('loads').values({ id: this.loadId, kind: this.kind, started_at: nowIso(), finished_at: null, stats: null }).execute();
  }

  /** A file that will not be read, with why. */
  skip(file: string, reason: string): void {
    this.res.skipped.push({ file, reason });
    this.filesTotal = Math.max(0, this.filesTotal - 1);
  }

  /** A file that failed (open error, corrupt compression …); what was read before stays stored. */
  fail(file: string, err: unknown, line: number | null): void {
    const msg = err instanceof Error ? err.message : String(err);
    this.res.failed.push({ file, error: msg, line });
  }

  /** A warning for the load result (e.g. a truncation that may have destroyed unread lines). */
  warn(w: LoadResult['warnings'][number]): void {
    this.res.warnings.push(w);
  }

  /** A growing file without one complete line yet: nothing to read, all of it pending. */
  pendingOnly(file: string, bytes: number): void {
    this.res.pending.push({ file, byteOffset: 0, bytes });
  }

  /** Read one record stream, committing batches as they fill; returns where it ended. */
  async readFile(source: InputSource, compression: string, stream: AsyncIterable<Buffer>, mode: ReadFileMode = { complete: true }): Promise<ReadFileEnd> {
    const f: FileLoadResult = { file: source.name, path: source.path, compression, records: 0, events: 0, duplicates: 0, deadLetters: 0, splitRecords: 0 };
    this.current = f;
    this.currentBytes = 0;
    this.res.perFile.push(f);
    this.res.files++;
    this.position = mode.start ?? { offset: 0, line: 1 };
    this.cursorOf = mode.cursor ?? null;
    const src = await this.store.db.insertInto('sources')
      .values({ source: source.name, source_path: source.path, inode: source.inode, generation: source.generation, compression, load_id: this.loadId, created_at: nowIso() })
      .returning('id').executeTakeFirstOrThrow();
    const ctx = { sourceId: Number(src.id), now: nowIso(), sensor: this.opts.sensor, sensorOverride: this.opts.sensorOverride };
    const preparer = this.preparerFor();
    const chunkRecords = preparer.name === 'inline' ? INLINE_CHUNK_RECORDS : CHUNK_RECORDS;
    // Lines a predecessor import already stored for this file: recognised by position, since the
    // predecessor rewrote their content.
    const imported = compression === IMPORTED ? null : await importedLines(this.store, source);
    let pending: ReadFileEnd['pending'] = null;
    let failed = false;
    // Chunks handed to the preparer, consumed in order; records count once consumed.
    const ahead: Array<{ records: RawRecord[]; prepared: Promise<PreparedRecord[]> }> = [];
    let chunk: RawRecord[] = [];
    let chunkBytes = 0;
    let readLine = this.position.line; // where reading got to (consumption lags behind it)
    const send = () => {
      if (chunk.length === 0) return;
      const prepared = preparer.prepare(chunk, ctx);
      prepared.catch(() => undefined); // consumed (and its error raised) in order, or dropped on abort
      ahead.push({ records: chunk, prepared });
      chunk = [];
      chunkBytes = 0;
    };
    const consume = async () => {
      const next = ahead.shift()!;
      const prepared = await next.prepared;
      for (let i = 0; i < prepared.length; i++) {
        const rec = next.records[i]!;
        const p = prepared[i]!;
        f.records++;
        if (rec.splitFromLine) f.splitRecords++;
        if (imported?.has(rec.line)) {
          f.duplicates++;
          this.res.duplicates++;
        } else if (p.kind === 'event') this.events.push(p.event);
        else this.dead.push(p.dead);
        this.batchBytes += rec.bytes.length;
        this.position = { offset: rec.end, line: rec.line + rec.lineCount };
        if (compression === 'none') this.currentBytes = rec.end;
        if (this.events.length + this.dead.length >= this.batchSize || this.batchBytes >= MAX_BATCH_BYTES) await this.flush();
      }
    };
    try {
      try {
        for await (const rec of readRecords(stream, { maxRecordBytes: this.opts.maxRecordBytes, signal: this.opts.signal, start: mode.start })) {
          if (rec.unterminated && !mode.complete) {
            // The writer may still be in the middle of this line: it is the next run's.
            pending = { byteOffset: rec.offset, bytes: rec.end - rec.offset };
            break;
          }
          readLine = rec.line + rec.lineCount;
          chunk.push(rec);
          chunkBytes += rec.bytes.length;
          if (chunk.length >= chunkRecords || chunkBytes >= CHUNK_BYTES) {
            send();
            if (this.inFlight && !this.inFlight.done) await new Promise<void>((resolve) => setImmediate(resolve));
            while (ahead.length > CHUNKS_AHEAD) await consume();
          }
        }
      } catch (err) {
        // A read error (corrupt gzip, I/O) ends this file; what was read is still committed below.
        if (err instanceof StoreFailure || (err as Error)?.name === 'AbortError') throw err;
        failed = true;
        mode.onFailed?.();
        this.fail(source.name, err, readLine);
      }
      send();
      while (ahead.length > 0) await consume();
      // The last batch (and, for delta loads, the cursor) is committed even when nothing new was read.
      await this.flush(this.cursorOf !== null, true);
    } catch (err) {
      // Aborted (or a store failure): let a batch still being committed finish and count, so
      // the result describes exactly what is stored.
      // A store error surfacing here is not lost from the counts (settle records its size in
      // failedSize); the error reported is the one that stopped the load.
      if (!(err instanceof StoreFailure)) await this.settle().catch(() => undefined);
      // What was not committed is not counted (the next run reads it again).
      f.records -= this.failedSize + this.events.length + this.dead.length;
      this.failedSize = 0;
      this.dropBatch();
      this.fail(source.name, err instanceof StoreFailure ? err.cause : err, this.position.line);
      throw err instanceof StoreFailure ? err.cause : err;
    } finally {
      this.res.records += f.records;
      this.res.splitRecords += f.splitRecords;
      this.current = null;
    }
    if (pending) this.res.pending.push({ file: source.name, ...pending });
    this.bytesDone += source.size ?? 0;
    this.currentBytes = 0;
    this.cursorOf = null;
    this.progress('reading');
    return { end: this.position, pending, failed };
  }

  private preparerFor(): Preparer {
    if (this.preparer) return this.preparer;
    const want = this.opts.prepare ?? 'auto';
    const url = want === 'inline' ? null : preparerWorkerUrl();
    if (want === 'thread' && !url) throw new Error('prepare: "thread" needs the built package (dist/prepare-worker.js); it is not available here');
    this.preparer = url && want === 'thread' ? createThreadPreparer(url) : createInlinePreparer();
    return this.preparer;
  }

  /** Commit the open batch (with the cursor, for delta loads). Counts move only when it committed. */
  async flush(force = false, final = false): Promise<void> {
    if (this.events.length === 0 && this.dead.length === 0 && !force) {
      if (final) await this.settle();
      return;
    }
    const cursor = this.cursorOf ? this.cursorOf(this.position, final) : null;
    const events = this.events;
    const dead = this.dead;
    const f = this.current;
    this.dropBatch();
    // One batch commits while the next one is read and prepared: on PostgreSQL the server works
    // on one core while we parse on the other. Commits stay in order, one at a time.
    await this.settle();
    const size = events.length + dead.length;
    const flight = { promise: null as unknown as Promise<unknown>, size, done: false };
    flight.promise = commitBatch(this.store.writer, events, dead, cursor).then(
      (out) => {
        flight.done = true;
        this.account(out, dead, f);
        return null;
      },
      (err: unknown) => {
        flight.done = true;
        return err;
      },
    );
    this.inFlight = flight;
    if (final) await this.settle();
  }

  /** Wait for the batch being committed; a failure surfaces here as a {@link StoreFailure}. */
  private async settle(): Promise<void> {
    const pending = this.inFlight;
    if (!pending) return;
    const err = await pending.promise;
    this.inFlight = null;
    if (err !== null) {
      this.failedSize = pending.size;
      throw new StoreFailure(err);
    }
  }

  private account(out: BatchOutcome, dead: readonly PreparedDeadLetter[], f: FileLoadResult | null): void {
    this.res.events += out.events;
    this.res.duplicates += out.duplicates + out.deadLetterDuplicates;
    this.res.deadLetters += out.deadLetters;
    if (!this.sessionsOverflow) {
      for (const s of out.sessions) this.sessions.add(s);
      if (this.sessions.size > SESSION_SET_LIMIT) {
        this.sessionsOverflow = true;
        this.sessions.clear();
      }
    }
    if (f) {
      f.events += out.events;
      f.deadLetters += out.deadLetters;
      f.duplicates += out.duplicates + out.deadLetterDuplicates;
    }
    for (const d of dead) {
      if (this.res.deadLetterSamples.length >= 20) break;
      if (out.deadLetterHashes.has(d.content_hash.toString('hex'))) this.res.deadLetterSamples.push({ file: f?.file ?? '', line: d.line, reason: d.reason, message: d.message });
    }
    this.progress('reading');
  }

  private dropBatch(): void {
    this.events = [];
    this.dead = [];
    this.batchBytes = 0;
  }

  private progress(step: 'reading' | 'done'): void {
    this.opts.onProgress?.({
      step, filesDone: this.res.files - (this.current ? 1 : 0), filesTotal: this.filesTotal, currentFile: this.current?.file ?? null,
      records: this.res.records + (this.current?.records ?? 0), events: this.res.events, duplicates: this.res.duplicates,
      deadLetters: this.res.deadLetters, bytesDone: this.bytesDone + this.currentBytes, bytesTotal: this.bytesTotal,
      elapsedSeconds: (Date.now() - this.started) / 1000,
    });
  }

  /** Close the load record with its statistics. Errors here are reported, never swallowed. */
  async finish(): Promise<void> {
    this.res.sessions = this.sessionsOverflow ? await this.countTouchedSessions() : this.sessions.size;
    this.res.seconds = Math.round((Date.now() - this.started) / 10) / 100;
    const { perFile: _perFile, ...stats } = this.res;
    await this.store.db.updateTable('loads').set({ finished_at: nowIso(), stats: JSON.stringify(stats) }).where('id', '=', this.loadId).execute();
    this.progress('done');
  }

  private async countTouchedSessions(): Promise<number> {
    const r = await this.store.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('updated_at', '>=', this.startedIso).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * Run a loader's body, then close the load record whatever happened: an error is rethrown as
   * {@link LoadAbortedError} carrying the result of what was committed.
   */
  async complete(body: () => Promise<void>): Promise<LoadResult> {
    let error: unknown = null;
    const endRun = this.store.writer.startRun?.() ?? null;
    try {
      await body();
    } catch (err) {
      error = err;
    } finally {
      await this.preparer?.close().catch(() => undefined);
      this.preparer = null;
      await endRun?.().catch(() => undefined);
    }
    try {
      await this.finish();
    } catch (err) {
      error ??= err;
    }
    if (error) throw new LoadAbortedError(this.res, error);
    return this.res;
  }

  /** The result so far (final after {@link finish}). */
  result(): LoadResult {
    return this.res;
  }
}

/** A commit that failed beyond retry and isolation (marks store errors apart from read errors). */
class StoreFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}
