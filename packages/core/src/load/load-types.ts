/** Options shared by every loader. */
export interface LoadOptions {
  /** Fills the sensor of events that have none or an empty one (`--sensor`). */
  sensor?: string;
  /** Replaces the sensor of every event (`--sensor-override`). */
  sensorOverride?: string;
  /** Records per transaction (default: the dialect's, 10 000 on SQLite, 5 000 on PostgreSQL). */
  batchSize?: number;
  /** Record size cap in bytes (default 4 MiB); larger records become `too_large` dead letters. */
  maxRecordBytes?: number;
  /** Called after every batch and file; drive a progress bar or a job's progress from it. */
  onProgress?: (p: LoadProgress) => void;
  /** Stops the load between batches; what was committed stays committed. */
  signal?: AbortSignal;
  /** Stream read when an input is `-` (default `process.stdin`). */
  stdin?: AsyncIterable<Buffer | string>;
  /** Working directory for relative inputs. */
  cwd?: string;
  /**
   * Where records are parsed: `inline` (the caller's thread; what `auto`, the default, picks) or
   * `thread` (a worker thread beside the database writes). Measured on 2 cores (BENCHMARKS.md):
   * it is slower end to end (SQLite about 20 % fewer events/s, PostgreSQL no gain) and adds about
   * 100 MB, because the loader's thread spends more on receiving prepared rows (structured-clone
   * deserialisation, unpacking, the garbage they leave) than the worker saves it. Opt-in, kept
   * for machines where the loader's thread is not the bottleneck; `inline` is the default.
   */
  prepare?: 'auto' | 'thread' | 'inline';
}

/** Progress of a running load. */
export interface LoadProgress {
  step: 'reading' | 'done';
  filesDone: number;
  filesTotal: number;
  currentFile: string | null;
  records: number;
  events: number;
  duplicates: number;
  deadLetters: number;
  /** Input bytes (on disk) of finished files plus the current file's position when known. */
  bytesDone: number;
  /** Sum of the input files' sizes on disk (0 when unknown, e.g. stdin only). */
  bytesTotal: number;
  elapsedSeconds: number;
}

/** Per-file figures of a load. */
export interface FileLoadResult {
  file: string;
  path: string | null;
  compression: string;
  records: number;
  events: number;
  duplicates: number;
  deadLetters: number;
  /** Records that came from splitting a line holding several objects run together. */
  splitRecords: number;
}

/**
 * What a load did (the `--json` output of `cowrie load`). Always
 * `records == events + duplicates + deadLetters`.
 */
export interface LoadResult {
  loadId: string;
  files: number;
  records: number;
  events: number;
  duplicates: number;
  deadLetters: number;
  sessions: number;
  seconds: number;
  splitRecords: number;
  /** Unterminated last lines left for the next run (delta loads only; empty for bulk). */
  pending: Array<{ file: string; byteOffset: number; bytes: number }>;
  /** Files not read, with the reason (e.g. not JSON, found while walking a directory). */
  skipped: Array<{ file: string; reason: string }>;
  /** Files that failed part-way (corrupt compression, I/O error); what was read before the fault is stored. */
  failed: Array<{ file: string; error: string; line: number | null }>;
  perFile: FileLoadResult[];
  /** Things a user should know (a truncated file whose unread tail may be lost, …). */
  warnings: Array<{ code: string; file: string; message: string; fromByte?: number; toByte?: number | null }>;
  /** The first dead letters this load stored (at most 20), so a user sees what was wrong where. */
  deadLetterSamples: Array<{ file: string; line: number; reason: string; message: string }>;
}
