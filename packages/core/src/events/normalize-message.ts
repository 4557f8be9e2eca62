/**
 * The human-readable `message` of an event.
 *
 * Before v3.0.6 an event logged without `format` (`cowrie.session.params`) carries
 * `"message": []`; from v3.0.6 it is `""`; when Python's `%` formatting failed the key is
 * missing and the raw `format` survives (v2.4–2.5 downloads). All of those mean "no text".
 *
 * @module
 */

/**
 * `message` as a string; `""`, `[]`, any non-string and a missing value give `null`.
 * A surviving `format` string is deliberately not substituted: its `%(name)s` fields may
 * be what broke formatting in the first place.
 *
 * @example
 * normalizeMessage('login attempt [root/123456] failed'); // same string
 * normalizeMessage([]); // null
 * normalizeMessage(''); // null
 */
export function normalizeMessage(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}
