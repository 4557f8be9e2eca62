import { contentHash, decodeRecord, readRecords } from '../input/index.js';
import type { InputSource, RawRecord } from '../input/types.js';
import { parseEvent } from '../events/index.js';
import type { CowrieStore } from '../store/open-store.js';
import type { PreparedDeadLetter, PreparedEvent } from '../store/writer/batch-types.js';
import { nowIso } from '../util/now-iso.js';
import { deriveFacts } from './derive-rows.js';
import type { FileLoadResult, LoadOptions, LoadResult } from './load-types.js';

/**
 * The state of one load: counters, the open batch, progress. Loaders (bulk, delta) feed it
 * record streams; it turns records into events or dead letters and commits them in batches.
 */
export class LoadRun {
  private readonly started = Date.now();
  /** Set by the delta loader while it reads a file: the cursor to commit with each batch. */
  cursorFor: (() => import('../store/writer/batch-writer.js').CursorUpdate | null) | null = null;
  private readonly batchSize: number;
  private events: PreparedEvent[] = [];
  private dead: PreparedDeadLetter[] = [];
  private readonly sessions = new Set<string>();
  private readonly res: LoadResult;
  private filesTotal = 0;
  private bytesTotal = 0;
  private bytesDone = 0;
  private current: FileLoadResult | null = null;

  constructor(
    private readonly store: CowrieStore,
    readonly loadId: string,
    private readonly kind: 'bulk' | 'delta',
    private readonly opts: LoadOptions,
  ) {
    this.batchSize = Math.max(1, opts.batchSize ?? 2000);
    this.res = {
      loadId, files: 0, records: 0, events: 0, duplicates: 0, deadLetters: 0, sessions: 0, seconds: 0,
      splitRecords: 0, pending: [], skipped: [], failed: [], perFile: [], deadLetterSamples: [],
    };
  }

  /** Record the load and announce how many files will be read. */
  async begin(filesTotal: number, bytesTotal = 0): Promise<void> {
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

  /** Read one record stream to its end, committing full batches as they fill. */
  async readFile(source: InputSource, compression: string, stream: AsyncIterable<Buffer>, mode: { complete: boolean }): Promise<void> {
    const f: FileLoadResult = { file: source.name, path: source.path, compression, records: 0, events: 0, duplicates: 0, deadLetters: 0, splitRecords: 0 };
    this.current = f;
    this.res.perFile.push(f);
    this.res.files++;
    let lastLine: number | null = null;
    try {
      for await (const rec of readRecords(stream, { maxRecordBytes: this.opts.maxRecordBytes, signal: this.opts.signal })) {
        lastLine = rec.line;
        this.add(source, f, rec);
        if (this.events.length + this.dead.length >= this.batchSize) await this.flush();
      }
    } catch (err) {
      if ((err as Error)?.name === 'AbortError') throw err;
      this.fail(source.name, err, lastLine);
    }
    await this.flush();
    void mode; // delta loads (next issue) stop before an unterminated last line
    this.bytesDone += source.size ?? 0;
    this.current = null;
    this.progress('reading');
  }

  private add(source: InputSource, f: FileLoadResult, rec: RawRecord): void {
    f.records++;
    this.res.records++;
    if (rec.splitFromLine) {
      f.splitRecords++;
      this.res.splitRecords++;
    }
    const hash = contentHash(rec);
    const position = {
      source: source.name, source_path: source.path, inode: source.inode, generation: source.generation,
      line: rec.line, byte_offset: rec.offset, load_id: this.loadId,
    };
    const d = decodeRecord(rec);
    if (!d.ok) {
      this.dead.push({ ...position, content_hash: hash, reason: d.reason, message: d.message, field: d.field ?? null, length: rec.length, raw: rec.bytes, created_at: this.batchTime() });
      return;
    }
    const ev = parseEvent(d.value, { defaultSensor: this.opts.sensor, sensorOverride: this.opts.sensorOverride });
    const facts = deriveFacts(ev);
    this.events.push({
      row: {
        ...position, content_hash: hash, eventid: ev.eventid, kind: ev.kind, ts: ev.timestamp, sensor: ev.sensor,
        session: ev.session, src_ip: ev.srcIp,
        payload: d.altered ? JSON.stringify(d.value) : d.text,
        raw: d.altered ? rec.bytes : null, ingested_at: this.batchTime(),
      },
      derived: facts.derived,
      session: facts.session,
    });
  }

  // One clock read per batch: a batch is one transaction, so its rows share one ingest time.
  private batchNow: string | null = null;
  private batchTime(): string {
    this.batchNow ??= nowIso();
    return this.batchNow;
  }

  /** Commit the open batch. Counts are attributed to files only once the transaction committed. */
  async flush(): Promise<void> {
    if (this.events.length === 0 && this.dead.length === 0) return;
    const events = this.events;
    const dead = this.dead;
    this.events = [];
    this.dead = [];
    this.batchNow = null;
    const out = await this.store.writer.write({ events, deadLetters: dead, cursor: this.cursorFor?.() ?? null });
    this.res.events += out.events;
    this.res.duplicates += out.duplicates + out.deadLetterDuplicates;
    this.res.deadLetters += out.deadLetters;
    for (const s of out.sessions) this.sessions.add(s);
    for (const d of dead) {
      if (this.res.deadLetterSamples.length >= 20) break;
      if (out.deadLetterHashes.has(d.content_hash.toString('hex'))) this.res.deadLetterSamples.push({ file: d.source, line: d.line, reason: d.reason, message: d.message });
    }
    // Batches never span files (readFile flushes at its end), so the batch belongs to `current`.
    const f = this.current;
    if (f) {
      f.events += out.events;
      f.deadLetters += out.deadLetters;
      f.duplicates += out.duplicates + out.deadLetterDuplicates;
    }
    this.progress('reading');
  }

  private progress(step: 'reading' | 'done'): void {
    this.opts.onProgress?.({
      step, filesDone: this.res.files - (this.current ? 1 : 0), filesTotal: this.filesTotal, currentFile: this.current?.file ?? null,
      records: this.res.records, events: this.res.events, duplicates: this.res.duplicates, deadLetters: this.res.deadLetters,
      bytesDone: this.bytesDone, bytesTotal: this.bytesTotal, elapsedSeconds: (Date.now() - this.started) / 1000,
    });
  }

  /** Close the load record with its statistics. */
  async finish(): Promise<void> {
    await this.flush().catch(() => undefined);
    this.res.sessions = this.sessions.size;
    this.res.seconds = Math.round((Date.now() - this.started) / 10) / 100;
    await this.store.db.updateTable('loads').set({ finished_at: nowIso(), stats: JSON.stringify(this.summary()) }).where('id', '=', this.loadId).execute().catch(() => undefined);
    this.progress('done');
  }

  private summary() {
    const { perFile: _perFile, ...rest } = this.res;
    return rest;
  }

  /** The result so far (final after {@link finish}). */
  result(): LoadResult {
    return this.res;
  }
}
