/**
 * Makes a parsed JSON object storable as text: PostgreSQL text and JSONB reject U+0000 and
 * lone surrogates (which JSON's `\u0000` / `\udXXX` escapes can produce), so both are
 * replaced by U+FFFD. Objects that need no change (virtually all real events) are returned
 * as the same object without copying; the original bytes are the loader's to keep.
 *
 * @module
 */

/** `String.prototype.isWellFormed` (ES2024; in Node since 20.0), which the ES2023 lib does not declare. */
interface WellFormedCheck {
  isWellFormed(): boolean;
}

/** Could-be-bad code units: NUL or any surrogate (valid pairs are rechecked). Fallback for runtimes without `isWellFormed`. */
const SUSPECT = /[\u0000\ud800-\udfff]/;

const HAS_IS_WELL_FORMED = typeof (String.prototype as Partial<WellFormedCheck>).isWellFormed === 'function';

/**
 * True when `s` needs no change. `indexOf` is a memchr and `isWellFormed` is constant-time
 * on V8's one-byte strings, so the multi-KB `data` payloads of direct-tcpip events cost
 * little; this check runs on every string of every event.
 */
function isClean(s: string): boolean {
  if (HAS_IS_WELL_FORMED) return s.indexOf('\u0000') === -1 && (s as unknown as WellFormedCheck).isWellFormed();
  return !SUSPECT.test(s);
}

/** Replaces NUL and unpaired surrogates with U+FFFD; returns `s` itself when it is clean. */
function cleanString(s: string): string {
  if (isClean(s)) return s;
  let out = '';
  let from = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++; // a valid pair: keep both halves
        continue;
      }
    } else if (c !== 0 && (c < 0xdc00 || c > 0xdfff)) {
      continue;
    }
    out += s.slice(from, i) + '\ufffd';
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // A `__proto__` key from JSON.parse is an own property; plain assignment would set the prototype.
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

function cleanValue(v: unknown): unknown {
  if (typeof v === 'string') return cleanString(v);
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      const c = cleanValue(item);
      if (c !== item) {
        copy ??= v.slice();
        copy[i] = c;
      }
    }
    return copy ?? v;
  }
  return sanitizeRaw(v as Record<string, unknown>);
}

/**
 * Returns `obj` itself when no key or string value (at any depth) holds U+0000 or a lone
 * surrogate; otherwise a copy with those code units replaced by U+FFFD, keys in the same order.
 *
 * @example
 * const clean = { eventid: 'cowrie.login.failed', password: 'abc' };
 * sanitizeRaw(clean) === clean; // true
 * sanitizeRaw({ password: 'a\u0000b' }); // { password: 'a\uFFFDb' }
 */
export function sanitizeRaw(obj: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | null = null;
  let position = 0;
  for (const key in obj) {
    position++;
    if (!Object.hasOwn(obj, key)) continue;
    const value = obj[key];
    const k = cleanString(key);
    const c = cleanValue(value);
    if (copy === null && (k !== key || c !== value)) {
      // First change: copy the keys enumerated before this one, then continue into the copy.
      copy = {};
      let j = 0;
      for (const prev in obj) {
        if (++j >= position) break;
        if (Object.hasOwn(obj, prev)) setOwn(copy, prev, obj[prev]);
      }
    }
    if (copy !== null) setOwn(copy, k, c);
  }
  return copy ?? obj;
}
