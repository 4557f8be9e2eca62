/**
 * The predecessor's "dangerous pattern" test: suspicious paths, shell operators, URL schemes.
 *
 * Every check here is a literal search or a single forward scan, never a backtracking regex,
 * because the input is attacker-controlled and may be hundreds of kilobytes long.
 *
 * @module
 */

/**
 * URL scheme prefixes and their defanged forms, longest first where one is a prefix of
 * another at the same position (`https://` before `http://`, `ftps://` before `ftp://`).
 * Matching is case-sensitive, as in the predecessor: `HTTP://` is not a URL pattern.
 */
export const URL_SCHEME_DEFANGS: ReadonlyArray<readonly [string, string]> = [
  ['https://', 'hxxps://'],
  ['http://', 'hxxp://'],
  ['sftp://', 'sfxp://'],
  ['ftps://', 'fxps://'],
  ['ftp://', 'fxp://'],
  ['file://', 'fxle://'],
];

/** Substrings (case-insensitive) that make any command line "dangerous-patterned". */
export const SUSPICIOUS_PATHS: readonly string[] = [
  '/tmp/', '/var/tmp/', '/dev/shm/', '/proc/', '/sys/', 'C:\\temp\\', 'C:\\windows\\temp\\',
  '%TEMP%', '%TMP%', '/root/', '/home/', 'C:\\Users\\', 'C:\\ProgramData\\',
];

// `iu` gives Unicode simple case folding (ſ→s, Kelvin sign→k) like Python's re.IGNORECASE;
// Python also equates dotless ı and dotted İ with i, which the pre-fold below adds.
const SUSPICIOUS_PATH_RE = new RegExp(
  SUSPICIOUS_PATHS.map((p) => p.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|'),
  'iu',
);

/**
 * Returns a function giving the first index of `ch` at or after `from` (or -1). Repeated
 * queries with non-decreasing `from` cost O(n) in total, which keeps bracket-pair searches
 * linear even on inputs like 50 000 unmatched `$(`.
 *
 * @example
 * const nextClose = nextIndexFinder('$(a) $(b)', ')');
 * nextClose(2); // 3
 * nextClose(6); // 8
 */
export function nextIndexFinder(s: string, ch: string): (from: number) => number {
  let cached = -2;
  return (from: number): number => {
    if (cached === -1 || cached >= from) return cached;
    cached = s.indexOf(ch, from);
    return cached;
  };
}

/**
 * True when a URL scheme pattern occurs anywhere (case-sensitive substring).
 *
 * @example
 * hasUrlPattern('wget http://x'); // true
 * hasUrlPattern('wget HTTP://x'); // false
 */
export function hasUrlPattern(s: string): boolean {
  return URL_SCHEME_DEFANGS.some(([scheme]) => s.includes(scheme));
}

/**
 * True when a suspicious path occurs anywhere, ignoring case.
 *
 * @example
 * hasSuspiciousPath('cat /DEV/SHM/x'); // true
 * hasSuspiciousPath('cd /tmp');        // false
 */
export function hasSuspiciousPath(s: string): boolean {
  return SUSPICIOUS_PATH_RE.test(s.replace(/[\u0130\u0131]/g, 'i'));
}

/** True when `open` … `close` encloses at least one character that is not `close`. */
function hasNonEmptyPair(s: string, open: string, close: string): boolean {
  const nextClose = nextIndexFinder(s, close);
  for (let i = s.indexOf(open); i !== -1; i = s.indexOf(open, i + 1)) {
    const contentStart = i + open.length;
    const j = nextClose(contentStart);
    if (j === -1) return false;
    if (j > contentStart) return true;
  }
  return false;
}

/**
 * True when a shell operator pattern of the predecessor occurs: `&&`, `|`, `;`, `>`
 * (which covers `>>`, `2>&1` and every `<…>`), a non-empty backtick pair or `$(…)`.
 * A lone `&`, a lone `<`, an empty pair or an unclosed `$(` do not count.
 *
 * @example
 * hasOperatorPattern('echo $(id)'); // true
 * hasOperatorPattern('sleep 1 &');  // false
 */
export function hasOperatorPattern(s: string): boolean {
  return (
    s.includes('&&') ||
    s.includes('|') ||
    s.includes(';') ||
    s.includes('>') ||
    hasNonEmptyPair(s, '`', '`') ||
    hasNonEmptyPair(s, '$(', ')')
  );
}

/**
 * The predecessor's `has_dangerous_patterns`: any suspicious path (case-insensitive), any
 * shell operator pattern, or any URL scheme (case-sensitive).
 *
 * @example
 * hasDangerousPatterns('chmod +x /TMP/x'); // true
 * hasDangerousPatterns('cd /tmp');         // false — no trailing slash
 * hasDangerousPatterns('uname HTTP://x');  // false — schemes are case-sensitive
 */
export function hasDangerousPatterns(s: string): boolean {
  if (typeof s !== 'string' || s === '') return false;
  return hasSuspiciousPath(s) || hasOperatorPattern(s) || hasUrlPattern(s);
}
