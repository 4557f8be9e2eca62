/**
 * Where records come from. One `InputSource` per file (or per stdin read).
 * The positional identity of a record is (path, inode, generation, line); see conventions.
 */
export interface InputSource {
  /** The path as the user gave it (or as found under a directory / glob); `-` style name for stdin, e.g. `stdin:<loadId>`. */
  name: string;
  /** Resolved absolute path; `null` for stdin. */
  path: string | null;
  /** Inode number as a decimal string (`null` for stdin or where the platform has none). */
  inode: string | null;
  /** Rotation generation of this path (bulk loads: 0; delta loads bump it on rotation/truncation). */
  generation: number;
  /** Size in bytes on disk when opened (compressed size for `.gz` / `.bz2`), `null` for stdin. */
  size: number | null;
}

/** Compression detected by sniffing the first bytes (never by file name). */
export type Compression = 'none' | 'gzip' | 'bzip2';

/**
 * One unit of input: a non-blank line, or one pretty-printed multi-line JSON object.
 * `bytes` are the record's original bytes, without the line terminator(s) and without a
 * leading UTF-8 BOM on the first line, but otherwise untouched (invalid UTF-8 and NULs included).
 */
export interface RawRecord {
  /** 1-based line number of the record's first line (in the decompressed stream). */
  line: number;
  /** Byte offset of the record's first byte in the decompressed stream. */
  offset: number;
  /** Offset just past the record (its last line's terminator included): where reading resumes after it. */
  end: number;
  /** Original bytes (for records over the size cap: only the first `capBytes` bytes are kept; see `tooLarge`). */
  bytes: Buffer;
  /** Number of lines the record spans (1 for NDJSON). */
  lineCount: number;
  /** True when the record was larger than the size cap: it must become a `too_large` dead letter. */
  tooLarge: boolean;
  /** Full length in bytes of the record as found in the input (equals `bytes.length` unless `tooLarge`). */
  length: number;
  /** True when this is the last record of the stream and it had no terminating newline. */
  unterminated: boolean;
  /** True when this record was split off a line holding several JSON objects run together. */
  splitFromLine: boolean;
}

/** Options for reading records out of a byte stream. */
export interface ReadRecordsOptions {
  /** Record size cap in bytes (default 4 MiB). Larger records are yielded with `tooLarge: true`. */
  maxRecordBytes?: number;
  /** Abort reading. */
  signal?: AbortSignal;
  /** Where the stream starts in its file, for resuming mid-file: byte offset and line number (default 0 and 1). */
  start?: { offset: number; line: number };
}

/** Why a record was rejected; stored in the dead-letter table. */
export type DeadLetterReason =
  | 'invalid_json' // does not parse as JSON
  | 'truncated' // an unterminated last line that does not parse (file copied while being written)
  | 'not_object' // valid JSON but not an object (array, string, number …)
  | 'missing_eventid' // an object without a string `eventid`
  | 'too_large'; // over the record size cap

/** The text form of a record, decoded and parsed. */
export type DecodedRecord =
  | {
      ok: true;
      /** The parsed JSON object, with strings sanitised so both dialects can store it (no U+0000, no lone surrogates). */
      value: Record<string, unknown>;
      /** True when decoding or sanitising altered anything (invalid UTF-8, NUL, lone surrogate): keep `RawRecord.bytes`. */
      altered: boolean;
      /** The record's text as decoded; when `altered` is false it is the original JSON text, byte for byte. */
      text: string;
    }
  | {
      ok: false;
      reason: DeadLetterReason;
      /** One human line: what is wrong and where (JSON error position, field name …). */
      message: string;
      /** The field at fault, when there is one (e.g. `eventid`). */
      field?: string;
    };
