/**
 * Byte-level, string-aware JSON structure scanning. Used only off the hot path: for lines inside
 * a pretty-printed block, and for lines that look like several objects run together.
 * Works on raw bytes: every structural JSON character is ASCII, and UTF-8 continuation bytes are
 * always >= 0x80, so multi-byte sequences (or invalid bytes) can never be mistaken for them.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * True for the four JSON whitespace bytes (space, tab, LF, CR).
 *
 * @example
 * ```ts
 * isJsonWhitespace(0x20); // true
 * isJsonWhitespace(0x0b); // false: vertical tab is not JSON whitespace
 * ```
 */
export function isJsonWhitespace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/**
 * Running nesting-depth summary of one line, relative to the depth at the line's start.
 * Strings never span lines in JSON, so every line starts outside a string; this lets each line be
 * profiled on its own, without knowing the block it belongs to.
 */
export interface DepthProfile {
  /** Depth change over the whole line (`{`/`[` +1, `}`/`]` -1, outside strings). */
  net: number;
  /** Lowest running depth reached inside the line (0 or negative). */
  min: number;
  /** Scanner state, so that a line can be profiled in pieces. */
  inString: boolean;
  escape: boolean;
}

/**
 * A fresh profile for the start of a line.
 *
 * @example
 * ```ts
 * const p = profileDepth(newDepthProfile(), Buffer.from('  "o": {')); // p.net === 1
 * ```
 */
export function newDepthProfile(): DepthProfile {
  return { net: 0, min: 0, inString: false, escape: false };
}

/**
 * Advances `p` over `buf[start, end)`; call repeatedly to profile a line delivered in pieces.
 *
 * @example
 * ```ts
 * const p = newDepthProfile();
 * profileDepth(p, Buffer.from('  "a": "}", "b": [1]},'));
 * // p.net === -1, p.min === -1: this line closes one level
 * ```
 */
export function profileDepth(p: DepthProfile, buf: Buffer, start = 0, end = buf.length): DepthProfile {
  let { net, min, inString, escape } = p;
  for (let i = start; i < end; i++) {
    const b = buf[i]!;
    if (inString) {
      if (escape) escape = false;
      else if (b === BACKSLASH) escape = true;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      net++;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      net--;
      if (net < min) min = net;
    }
  }
  p.net = net;
  p.min = min;
  p.inString = inString;
  p.escape = escape;
  return p;
}

/**
 * Splits a line holding several complete top-level JSON objects (`{"a":1}{"b":2}`, `{…} {…}`)
 * into `[start, end)` byte spans, one per object. Returns `null` unless the line is made of two or
 * more complete objects separated only by whitespace: then the line is left for the parser to
 * judge as a whole, so nothing valid is ever cut apart by mistake.
 *
 * @example
 * ```ts
 * splitConcatenatedObjects(Buffer.from('{"a":"}{"} {"b":2}')); // [[0, 9], [10, 17]]
 * splitConcatenatedObjects(Buffer.from('{"a":1}'));             // null (only one object)
 * ```
 */
export function splitConcatenatedObjects(buf: Buffer): Array<[number, number]> | null {
  const spans: Array<[number, number]> = [];
  let depth = 0;
  let inString = false;
  let escape = false;
  let start = -1;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (depth === 0) {
      if (isJsonWhitespace(b)) continue;
      if (b !== OPEN_BRACE) return null; // junk between objects: not a clean run-together line
      start = i;
      depth = 1;
      continue;
    }
    if (inString) {
      if (escape) escape = false;
      else if (b === BACKSLASH) escape = true;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      depth++;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) spans.push([start, i + 1]);
    }
  }
  if (depth !== 0 || spans.length < 2) return null;
  return spans;
}
