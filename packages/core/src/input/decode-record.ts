import { isUtf8 } from 'node:buffer';
import { createHash, hash } from 'node:crypto';
import type { DecodedRecord, RawRecord } from './types.js';

/**
 * Decodes and parses one record, and sanitises it so both dialects can store it: no U+0000 and no
 * lone surrogates in any string (keys included); both become U+FFFD. Invalid UTF-8 decodes to
 * U+FFFD too. `altered: true` tells the caller to keep `rec.bytes` as the original.
 *
 * @example
 * ```ts
 * const d = decodeRecord(rec);
 * if (d.ok) store(d.value, d.altered ? rec.bytes : null);
 * else deadLetter(d.reason, d.message, d.field);
 * ```
 */
export function decodeRecord(rec: RawRecord): DecodedRecord {
  if (rec.tooLarge) {
    return { ok: false, reason: 'too_large', message: `record is ${rec.length} bytes, over the ${rec.bytes.length}-byte size cap` };
  }
  const bytes = rec.bytes;
  // isUtf8 is a native scan; the common (valid) case costs nothing beyond it.
  let altered = !isUtf8(bytes);
  const text = bytes.toString('utf8');

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (rec.unterminated) return { ok: false, reason: 'truncated', message: `truncated record (no final newline): ${why}` };
    return { ok: false, reason: 'invalid_json', message: `invalid JSON: ${why}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'not_object', message: `JSON value is ${describe(value)}, not an object` };
  }
  const obj = value as Record<string, unknown>;
  // Only an escape can put NUL or a surrogate into a parsed string (raw NUL is invalid JSON, and
  // decoded UTF-8 never holds surrogates), so clean records skip the walk entirely.
  if (text.includes('\\u0000') || SURROGATE_ESCAPE.test(text) || text.includes('\0')) {
    if (sanitiseTree(obj)) altered = true;
  }
  const eventid = obj['eventid'];
  if (typeof eventid !== 'string') {
    const message = eventid === undefined ? 'missing eventid' : `eventid is ${describe(eventid)}, not a string`;
    return { ok: false, reason: 'missing_eventid', message, field: 'eventid' };
  }
  return { ok: true, value: obj, altered, text };
}

const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** Bytes of the content identity kept in the store: the first 128 bits of SHA-256. */
export const CONTENT_HASH_BYTES = 16;

/**
 * The first {@link CONTENT_HASH_BYTES} bytes of the SHA-256 of the record's bytes with surrounding ASCII whitespace trimmed: the duplicate
 * identity from the conventions. Limitation: a too-large record only has its first bytes, so its
 * hash is `sha256(prefix ":" length)`; two different too-large records with the same prefix and
 * the same length would count as duplicates.
 *
 * @example
 * ```ts
 * contentHash(rec).equals(contentHash({ ...rec, bytes: Buffer.from(` ${rec.bytes} \r`) })); // true
 * ```
 */
export function contentHash(rec: RawRecord): Buffer {
  const b = rec.bytes;
  let start = 0;
  let end = b.length;
  while (start < end && isAsciiSpace(b[start]!)) start++;
  if (rec.tooLarge) {
    return createHash('sha256').update(b.subarray(start)).update(`:${rec.length}`).digest().subarray(0, CONTENT_HASH_BYTES);
  }
  while (end > start && isAsciiSpace(b[end - 1]!)) end--;
  // 128 bits keep the unique index compact; a collision among 10^12 records has odds of about 10^-15.
  // One-shot hashing: no Hash object per record (the loader's hot path hashes every record).
  return hash('sha256', b.subarray(start, end), 'buffer').subarray(0, CONTENT_HASH_BYTES);
}

function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

/** ES2024 string methods (Node 20 has them; the project's `lib` is ES2023). */
type WellFormed = { isWellFormed(): boolean; toWellFormed(): string };

function sanitiseString(s: string): string {
  let out = s.includes('\0') ? s.replaceAll('\0', '\uFFFD') : s;
  if (!(out as unknown as WellFormed).isWellFormed()) out = (out as unknown as WellFormed).toWellFormed();
  return out;
}

/**
 * Sanitises every string in place, iteratively (JSON.parse accepts nesting deeper than the call
 * stack). Objects whose keys change are rebuilt in place, keeping key order; keys are redefined
 * with `defineProperty` so a `__proto__` key stays a plain property. Two keys that become equal
 * after sanitising collapse into one (the later wins). Returns true when anything changed.
 */
function sanitiseTree(root: Record<string, unknown>): boolean {
  let changed = false;
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      const arr = node as unknown[];
      for (let i = 0; i < arr.length; i++) {
        const v = arr[i];
        if (typeof v === 'string') {
          const s = sanitiseString(v);
          if (s !== v) {
            arr[i] = s;
            changed = true;
          }
        } else if (typeof v === 'object' && v !== null) stack.push(v);
      }
      continue;
    }
    const obj = node as Record<string, unknown>;
    const keys = Object.keys(obj);
    const clean = keys.map(sanitiseString);
    if (clean.some((k, i) => k !== keys[i])) {
      changed = true;
      const values = keys.map((k) => obj[k]);
      for (const k of keys) delete obj[k];
      clean.forEach((k, i) => Object.defineProperty(obj, k, { value: values[i], writable: true, enumerable: true, configurable: true }));
    }
    for (const k of clean) {
      const v = obj[k];
      if (typeof v === 'string') {
        const s = sanitiseString(v);
        if (s !== v) {
          obj[k] = s; // own data property: plain assignment is safe, even for `__proto__`
          changed = true;
        }
      } else if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
  return changed;
}
