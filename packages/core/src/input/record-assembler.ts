import { isJsonWhitespace, newDepthProfile, profileDepth, splitConcatenatedObjects } from './json-scan.js';
import type { Line } from './line-splitter.js';
import type { RawRecord } from './types.js';

const OPEN_BRACE = 0x7b;
const QUOTE = 0x22;
const RUN_TOGETHER = Buffer.from('}{');
const RUN_TOGETHER_SPACED = Buffer.from('} {');
const NEWLINE = Buffer.from('\n');

/** A pretty-printed object being collected line by line. */
interface Block {
  first: Line;
  parts: Buffer[];
  kept: number;
  /** Length of the joined record (lines + one `\n` between each). */
  length: number;
  lineCount: number;
  depth: number;
  last: Line;
}

/**
 * Turns lines into records: skips blank lines, joins pretty-printed objects (a line that is just
 * `{` up to the line where nesting returns to 0) and splits lines holding several objects run
 * together. Joined records use `\n` between lines whatever the original terminators were, so
 * their `length` is that of the joined bytes, not of the span in the file.
 *
 * @example
 * ```ts
 * const a = new RecordAssembler(4 * 1024 * 1024);
 * const out: RawRecord[] = [];
 * for (const line of lines) a.push(line, out);
 * a.end(out);
 * ```
 */
export class RecordAssembler {
  private block: Block | null = null;

  constructor(private readonly cap: number) {}

  push(line: Line, out: RawRecord[]): void {
    if (this.block !== null && this.extendBlock(this.block, line, out)) return;
    this.handleLine(line, out);
  }

  /** End of stream: a block still open was cut off mid-object, so it counts as unterminated. */
  end(out: RawRecord[]): void {
    if (this.block !== null) this.closeBlock(this.block, true, out);
  }

  private handleLine(line: Line, out: RawRecord[]): void {
    if (line.tooLarge) {
      if (line.overflow?.blank === true) return;
      out.push(record(line, line.bytes, line.length, line.offset, line.end, 1, true, !line.terminated, false));
      return;
    }
    const bytes = line.bytes;
    const len = bytes.length;
    let i = 0;
    while (i < len && isJsonWhitespace(bytes[i]!)) i++;
    if (i === len) return; // blank: counted in line numbers, never a record
    if (bytes[i] === OPEN_BRACE && isBlankFrom(bytes, i + 1)) {
      this.block = { first: line, parts: [], kept: 0, length: -1, lineCount: 0, depth: 1, last: line };
      this.addToBlock(this.block, line);
      return;
    }
    if (bytes.indexOf(RUN_TOGETHER) !== -1 || bytes.indexOf(RUN_TOGETHER_SPACED) !== -1) {
      const spans = splitConcatenatedObjects(bytes);
      if (spans !== null) {
        for (let k = 0; k < spans.length; k++) {
          const [s, e] = spans[k]!;
          const isLast = k === spans.length - 1;
          out.push(record(line, bytes.subarray(s, e), e - s, line.offset + s, isLast ? line.end : line.offset + e, 1, false, isLast && !line.terminated, true));
        }
        return;
      }
    }
    out.push(record(line, bytes, line.length, line.offset, line.end, 1, false, !line.terminated, false));
  }

  /** Returns false when `line` does not belong to the block (which is then closed). */
  private extendBlock(block: Block, line: Line, out: RawRecord[]): boolean {
    if (startsWithObjectKey(line.bytes)) {
      // Safety rule: a compact record inside a block means the `{` was stray; never swallow it.
      this.closeBlock(block, false, out);
      return false;
    }
    this.addToBlock(block, line);
    const p = line.tooLarge && line.overflow !== null ? line.overflow.profile : profileDepth(newDepthProfile(), line.bytes);
    if (block.depth + p.min <= 0) this.closeBlock(block, false, out);
    else block.depth += p.net;
    return true;
  }

  private addToBlock(block: Block, line: Line): void {
    if (block.lineCount > 0) this.keep(block, NEWLINE);
    this.keep(block, line.bytes);
    block.length += 1 + line.length;
    block.lineCount++;
    block.last = line;
  }

  /** Keeps at most `cap` bytes of the block; the rest is only counted. */
  private keep(block: Block, buf: Buffer): void {
    const room = this.cap - block.kept;
    if (room <= 0) return;
    const piece = buf.length <= room ? buf : buf.subarray(0, room);
    block.parts.push(piece);
    block.kept += piece.length;
  }

  private closeBlock(block: Block, openAtEnd: boolean, out: RawRecord[]): void {
    this.block = null;
    const bytes = Buffer.concat(block.parts, block.kept);
    const unterminated = openAtEnd || !block.last.terminated;
    out.push(record(block.first, bytes, block.length, block.first.offset, block.last.end, block.lineCount, block.length > this.cap, unterminated, false));
  }
}

function record(line: Line, bytes: Buffer, length: number, offset: number, end: number, lineCount: number, tooLarge: boolean, unterminated: boolean, splitFromLine: boolean): RawRecord {
  return { line: line.line, offset, end, bytes, lineCount, tooLarge, length, unterminated, splitFromLine };
}

function isBlankFrom(bytes: Buffer, from: number): boolean {
  for (let i = from; i < bytes.length; i++) if (!isJsonWhitespace(bytes[i]!)) return false;
  return true;
}

/** Trimmed content starts with `{"`: a compact (one-line) object, not pretty-printer output. */
function startsWithObjectKey(bytes: Buffer): boolean {
  let i = 0;
  while (i < bytes.length && isJsonWhitespace(bytes[i]!)) i++;
  return bytes[i] === OPEN_BRACE && bytes[i + 1] === QUOTE;
}
