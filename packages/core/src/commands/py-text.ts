/**
 * Python `str.split()` / `str.strip()` semantics for the few places where the predecessor's
 * result depends on them (first token, aggressive re-joining, final strip).
 *
 * Python's whitespace (`str.isspace`) differs from JavaScript's `\s`: it includes the
 * information separators U+001C–U+001F and NEL U+0085, and excludes the BOM U+FEFF. Attackers
 * can type any of these, and the first token decides the risk class, so we match Python.
 *
 * @module
 */

const PY_WS_CLASS = '\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_WS_RUN = new RegExp(`[${PY_WS_CLASS}]+`, 'g');
const PY_WS_CHAR = new RegExp(`[${PY_WS_CLASS}]`);

/**
 * Python `s.strip()` with no arguments.
 *
 * @example
 * pyStrip('\x1f ls \n'); // 'ls'
 */
export function pyStrip(s: string): string {
  // Index loops, not `/^\s+|\s+$/`: the end-anchored branch retries from every position of a
  // long inner whitespace run, which is quadratic on attacker input.
  let start = 0;
  let end = s.length;
  while (start < end && PY_WS_CHAR.test(s.charAt(start))) start++;
  while (end > start && PY_WS_CHAR.test(s.charAt(end - 1))) end--;
  return s.slice(start, end);
}

/**
 * Python `s.split()` with no arguments: runs of whitespace separate, no empty fields.
 *
 * @example
 * pySplit('  wget;ls  -a '); // ['wget;ls', '-a']
 */
export function pySplit(s: string): string[] {
  const stripped = pyStrip(s);
  return stripped === '' ? [] : stripped.split(PY_WS_RUN);
}

/**
 * The predecessor's first token: `command.strip().split()[0].lower()`, or `''` for blank input.
 * Only whitespace separates tokens, so `wget;ls` is a single (unknown) token.
 *
 * @example
 * firstToken('  CURL http://x'); // 'curl'
 */
export function firstToken(s: string): string {
  return (pySplit(s)[0] ?? '').toLowerCase();
}
