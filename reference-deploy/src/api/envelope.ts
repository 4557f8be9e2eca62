/**
 * @module The one response envelope of the read endpoints: `{ data, meta }`.
 */

/** `meta` of a read response. */
export interface ApiMeta {
  /** Entries in `data` when it is a list. */
  count?: number;
  limit?: number;
  /** Opaque cursor of the next page; `null` on the last page. */
  next?: string | null;
  /** Total matches, where it is cheap to know. */
  total?: number | null;
  /** The validated query, as the server understood it (defaults filled, times canonical). */
  query: Record<string, unknown>;
  /** When the answer was computed (it may come from a cache at most 5 s old). */
  generatedAt: string;
}

/** A read response body. */
export interface ApiEnvelope<T> {
  data: T;
  meta: ApiMeta;
}

/**
 * Wrap data in the envelope; lists get `count`.
 *
 * @example
 * ```ts
 * return c.json(envelope(rows, { query: q, limit: q.limit, next }));
 * ```
 */
export function envelope<T>(data: T, meta: Omit<ApiMeta, 'generatedAt' | 'count'> & { generatedAt?: string }): ApiEnvelope<T> {
  const count = Array.isArray(data) ? data.length : undefined;
  return { data, meta: { ...(count === undefined ? {} : { count }), ...meta, generatedAt: meta.generatedAt ?? new Date().toISOString() } };
}
