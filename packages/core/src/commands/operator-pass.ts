/**
 * One left-to-right pass that replaces URL schemes and shell operators with inert markers.
 *
 * Deliberate deviation from the predecessor: it ran ten `re.sub` calls in sequence, so a
 * later rule could rewrite an earlier rule's output or pre-empt a longer operator — most
 * visibly `2>&1` became `2[OUTPUT]&1` and `[STDERR]` was never produced. Here every position
 * is examined once, the longest operator starting there wins (`&&` `||` `2>&1` `>>` before
 * `&` `|` `>`), and replacement text is never scanned again. Results agree with the
 * predecessor wherever its order did not matter.
 *
 * The bracketed forms (backticks, `$(…)`, `<…>`) keep their content, which is itself
 * defanged by a recursive pass: content excludes the closing character, so nesting is at
 * most three levels and the total work stays linear.
 *
 * @module
 */

import { nextIndexFinder, URL_SCHEME_DEFANGS } from './patterns.js';

/** Operators without content, longest first among those sharing a first character. */
const PLAIN_OPERATORS: ReadonlyArray<readonly [string, string]> = [
  ['&&', '[AND]'],
  ['||', '[OR]'],
  ['|', '[PIPE]'],
  [';', '[SC]'],
  ['2>&1', '[STDERR]'],
  ['>>', '[APPEND]'],
  ['>', '[OUTPUT]'],
];

/** Pairs whose content is kept between two markers: `open`, `close`, marker. */
const ENCLOSING: ReadonlyArray<readonly [string, string, string]> = [
  ['`', '`', '[BACKTICK]'],
  ['$(', ')', '[SUBSHELL]'],
  ['<', '>', '[REDIRECT]'],
];

const FIRST_CHARS = new Set(
  [...URL_SCHEME_DEFANGS.map(([from]) => from), ...PLAIN_OPERATORS.map(([op]) => op), ...ENCLOSING.map(([o]) => o)].map(
    (t) => t[0],
  ),
);

/**
 * Replaces URL schemes and shell operators in `s` in a single pass; whitespace is untouched
 * (no spaces are added around `[AND]`, `[SC]`, … — the predecessor's form).
 *
 * @example
 * defangOperators('echo `id` > /tmp/o 2>&1');
 * // 'echo [BACKTICK] id [BACKTICK] [OUTPUT] /tmp/o [STDERR]'
 */
export function defangOperators(s: string): string {
  const closers = ENCLOSING.map(([, close]) => nextIndexFinder(s, close));
  let out = '';
  let plainStart = 0;
  let i = 0;
  outer: while (i < s.length) {
    if (!FIRST_CHARS.has(s[i])) {
      i++;
      continue;
    }
    for (const [from, to] of URL_SCHEME_DEFANGS) {
      if (s.startsWith(from, i)) {
        out += s.slice(plainStart, i) + to;
        i += from.length;
        plainStart = i;
        continue outer;
      }
    }
    for (const [k, [open, , marker]] of ENCLOSING.entries()) {
      if (!s.startsWith(open, i)) continue;
      const contentStart = i + open.length;
      const close = closers[k]?.(contentStart) ?? -1;
      // An empty pair (`` `` ``, `$()`, `<>`) is not a match, as `[^x]+` required one character.
      if (close > contentStart) {
        out += `${s.slice(plainStart, i)}${marker} ${defangOperators(s.slice(contentStart, close))} ${marker}`;
        i = close + 1;
        plainStart = i;
        continue outer;
      }
    }
    for (const [op, marker] of PLAIN_OPERATORS) {
      if (s.startsWith(op, i)) {
        out += s.slice(plainStart, i) + marker;
        i += op.length;
        plainStart = i;
        continue outer;
      }
    }
    i++;
  }
  return out + s.slice(plainStart);
}
