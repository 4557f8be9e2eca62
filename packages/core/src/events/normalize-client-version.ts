/**
 * SSH client identification strings (`cowrie.client.version` `version`).
 *
 * v1.4.0–v2.2.x logged `repr(bytes)`, so the same client appears as `SSH-2.0-Go`,
 * `b'SSH-2.0-Go'` (Python 3) and `'SSH-2.0-Go'` (Python 2). Reports group on the
 * unwrapped form; the string as written is kept next to it.
 *
 * @module
 */

/** The raw client version as written, and the form reports group on. */
export interface ClientVersion {
  /** As written (only non-strings become `null`). */
  raw: string | null;
  /** Trimmed, with one whole-string `b'…'`, `b"…"` or `'…'` repr wrapper removed. */
  normalized: string | null;
}

/**
 * True when `s[start..end)` contains no unescaped `quote`, i.e. the surrounding quotes
 * really delimit one Python literal and are not, say, `'a' 'b'` or an attacker's text.
 */
function isSingleLiteralBody(s: string, start: number, end: number, quote: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */) {
      // An escape consumes the next character; a trailing backslash would have escaped the closing quote.
      if (i + 1 >= end) return false;
      i++;
    } else if (c === quote) {
      return false;
    }
  }
  return true;
}

/** Removes one Python repr wrapper when it spans the whole string; escapes inside are kept as written. */
function unwrapRepr(s: string): string {
  const n = s.length;
  if (n < 2) return s;
  const last = s.charCodeAt(n - 1);
  const first = s.charCodeAt(0);
  if (first === 98 /* b */ && n >= 3) {
    const q = s.charCodeAt(1);
    if ((q === 39 /* ' */ || q === 34) /* " */ && last === q && isSingleLiteralBody(s, 2, n - 1, q)) {
      return s.slice(2, n - 1);
    }
    return s;
  }
  if (first === 39 && last === 39 && isSingleLiteralBody(s, 1, n - 1, 39)) return s.slice(1, n - 1);
  return s;
}

/**
 * Splits a client version into the string as written and a normalised form: trimmed,
 * and unwrapped from `b'…'` / `b"…"` / Python 2 `'…'` when the whole string is one such
 * literal. Escape sequences inside (`\xNN`, `\\`) are not decoded, since later Cowrie
 * versions write the same text for attacker-typed backslashes. An empty string stays `""`
 * (a client that sent an empty banner is a real group).
 *
 * @example
 * normalizeClientVersion("b'SSH-2.0-Go'"); // { raw: "b'SSH-2.0-Go'", normalized: 'SSH-2.0-Go' }
 * normalizeClientVersion("'SSH-2.0-PuTTY'"); // { raw: "'SSH-2.0-PuTTY'", normalized: 'SSH-2.0-PuTTY' }
 * normalizeClientVersion(' SSH-2.0-libssh '); // { raw: ' SSH-2.0-libssh ', normalized: 'SSH-2.0-libssh' }
 */
export function normalizeClientVersion(v: unknown): ClientVersion {
  if (typeof v !== 'string') return { raw: null, normalized: null };
  return { raw: v, normalized: unwrapRepr(v.trim()).trim() };
}
