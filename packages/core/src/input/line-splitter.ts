import { type DepthProfile, isJsonWhitespace, newDepthProfile, profileDepth } from './json-scan.js';

/** One physical line of the decompressed stream, as cut by {@link LineSplitter}. */
export interface Line {
  /** The line's bytes without `\n` / `\r\n` (and without the stream's BOM); only the first `cap` bytes when `tooLarge`. */
  bytes: Buffer;
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's first byte in the decompressed stream (a leading BOM counts). */
  offset: number;
  /** Full length in bytes, terminator excluded. */
  length: number;
  /** Offset just past the line's terminator (or its last byte, when unterminated): where the next line starts. */
  end: number;
  /** Longer than the cap: `bytes` is a prefix. */
  tooLarge: boolean;
  /** False only for a last line that had no `\n`. */
  terminated: boolean;
  /**
   * For `tooLarge` lines only: facts about the whole line, gathered while its tail was being
   * discarded, because the record layer can no longer look at those bytes.
   */
  overflow: { blank: boolean; profile: DepthProfile } | null;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Cuts a byte stream into lines, pushed chunk by chunk. Chunks may end anywhere (inside a UTF-8
 * sequence, between `\r` and `\n`): partial lines are carried over. The common path never copies:
 * a line that lies inside one chunk is a `subarray` of it. Memory per line is bounded by `cap`:
 * past it, bytes are only looked at (blank? nesting depth?) and dropped.
 *
 * @example
 * ```ts
 * const s = new LineSplitter(4 * 1024 * 1024);
 * const out: Line[] = [];
 * s.push(Buffer.from('{"a":1}\r\n{"b"'), out);
 * s.push(Buffer.from(':2}'), out);
 * s.end(out); // out: line 1 '{"a":1}' (offset 0), line 2 '{"b":2}' (offset 9, terminated false)
 * ```
 */
export class LineSplitter {
  private base = 0; // absolute offset of the next chunk's first byte
  private lineStart = 0;
  private lineNo = 1;
  private parts: Buffer[] = [];
  private kept = 0;
  private full = 0;
  private lastByte = -1;
  private overflow: { blank: boolean; profile: DepthProfile } | null = null;
  /** Bytes held back until there are 3 to test for a BOM (chunks may be 1 byte long). */
  private head: Buffer | null = Buffer.alloc(0);

  /**
   * @param cap longest line kept whole, in bytes
   * @param start where the stream begins in its file: offset and line number of its first byte
   *   (delta loads resume mid-file; a BOM is only looked for at offset 0)
   */
  constructor(private readonly cap: number, start: { offset: number; line: number } = { offset: 0, line: 1 }) {
    this.base = start.offset;
    this.lineStart = start.offset;
    this.lineNo = start.line;
    if (start.offset > 0) this.head = null;
  }

  /** Feeds one chunk; complete lines are appended to `out`. */
  push(chunk: Buffer, out: Line[]): void {
    if (this.head !== null) {
      const h = this.head.length === 0 ? chunk : Buffer.concat([this.head, chunk]);
      if (h.length < 3) {
        this.head = h;
        return;
      }
      this.head = null;
      chunk = h;
      if (h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf) {
        // The BOM is not part of any record, but offsets stay true to the stream.
        chunk = h.subarray(3);
        this.base += 3;
        this.lineStart += 3;
      }
    }
    this.scan(chunk, out);
  }

  /** Ends the stream: a last line without `\n` is appended with `terminated: false`. */
  end(out: Line[]): void {
    if (this.head !== null) {
      const h = this.head; // fewer than 3 bytes in all: cannot hold a BOM
      this.head = null;
      this.scan(h, out);
    }
    if (this.full > 0) this.flush(false, out, this.lineStart + this.full);
  }

  private scan(chunk: Buffer, out: Line[]): void {
    const len = chunk.length;
    const cap = this.cap;
    let pos = 0;
    while (pos < len) {
      const nl = chunk.indexOf(LF, pos);
      if (nl === -1) {
        this.append(chunk, pos, len);
        break;
      }
      if (this.full === 0) {
        // Hot path: the whole line is inside this chunk.
        const end = nl > pos && chunk[nl - 1] === CR ? nl - 1 : nl;
        const length = end - pos;
        if (length <= cap) {
          out.push({ bytes: chunk.subarray(pos, end), line: this.lineNo, offset: this.lineStart, length, end: this.base + nl + 1, tooLarge: false, terminated: true, overflow: null });
        } else {
          const slice = chunk.subarray(pos, end);
          const overflow = { blank: true, profile: newDepthProfile() };
          observe(overflow, slice);
          out.push({ bytes: slice.subarray(0, cap), line: this.lineNo, offset: this.lineStart, length, end: this.base + nl + 1, tooLarge: true, terminated: true, overflow });
        }
      } else {
        this.append(chunk, pos, nl);
        this.flush(true, out, this.base + nl + 1);
      }
      this.lineNo++;
      this.lineStart = this.base + nl + 1;
      pos = nl + 1;
    }
    this.base += len;
  }

  /** Carries `chunk[from, to)` over as part of the current line, keeping at most `cap` bytes. */
  private append(chunk: Buffer, from: number, to: number): void {
    if (to <= from) return;
    const piece = chunk.subarray(from, to);
    this.lastByte = piece[piece.length - 1]!;
    if (this.full + piece.length <= this.cap) {
      this.parts.push(piece);
      this.kept += piece.length;
      this.full += piece.length;
      return;
    }
    if (this.overflow === null) {
      this.overflow = { blank: true, profile: newDepthProfile() };
      for (const p of this.parts) observe(this.overflow, p);
    }
    const room = this.cap - this.kept;
    if (room > 0) {
      this.parts.push(piece.subarray(0, room));
      this.kept += room;
    }
    observe(this.overflow, piece);
    this.full += piece.length;
  }

  private flush(terminated: boolean, out: Line[], end: number): void {
    let full = this.full;
    if (this.lastByte === CR) full--; // the `\r` of a CRLF split from its `\n`, or a final bare `\r`
    let bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.kept);
    if (bytes.length > full) bytes = bytes.subarray(0, full);
    const tooLarge = full > this.cap;
    out.push({ bytes, line: this.lineNo, offset: this.lineStart, length: full, end, tooLarge, terminated, overflow: tooLarge ? this.overflow : null });
    this.parts = [];
    this.kept = 0;
    this.full = 0;
    this.lastByte = -1;
    this.overflow = null;
  }
}

function observe(o: { blank: boolean; profile: DepthProfile }, buf: Buffer): void {
  if (o.blank) {
    for (let i = 0; i < buf.length; i++) {
      if (!isJsonWhitespace(buf[i]!)) {
        o.blank = false;
        break;
      }
    }
  }
  profileDepth(o.profile, buf);
}
