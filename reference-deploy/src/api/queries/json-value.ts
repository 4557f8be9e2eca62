/**
 * @module JSON columns come back parsed on PostgreSQL (JSONB) and as text on SQLite; read both.
 */

/**
 * The parsed value of a JSON column, or `null` when it is empty or not JSON.
 *
 * @example
 * ```ts
 * jsonValue('{"a":1}'); // { a: 1 }
 * jsonValue({ a: 1 });  // { a: 1 } (PostgreSQL already parsed it)
 * ```
 */
export function jsonValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return null;
  }
}
