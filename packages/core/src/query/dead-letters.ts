import type { CowrieStore } from '../store/open-store.js';
import { binaryOrder } from './window-filter.js';

/** A dead letter as listed by `cowrie dlq list`. */
export interface DeadLetterEntry {
  id: number;
  reason: string;
  message: string;
  field: string | null;
  source: string;
  sourcePath: string | null;
  line: number;
  byteOffset: number;
  length: number;
  /** The first bytes of the original record, decoded for display (invalid UTF-8 shown as U+FFFD). */
  preview: string;
  createdAt: string;
}

/** Filters of {@link listDeadLetters}. */
export interface DeadLetterListOptions {
  reason?: string;
  /** Substring of the source name or path. */
  source?: string;
  limit?: number;
  previewBytes?: number;
}

/**
 * List dead letters, oldest first.
 *
 * @example
 * ```ts
 * for (const d of await listDeadLetters(store, { reason: 'invalid_json' })) console.log(d.source, d.line, d.message);
 * ```
 */
export async function listDeadLetters(store: CowrieStore, opts: DeadLetterListOptions = {}): Promise<DeadLetterEntry[]> {
  let q = store.db.selectFrom('dead_letters as d').innerJoin('sources as s', 's.id', 'd.source_id')
    .select(['d.id', 'd.reason', 'd.message', 'd.field', 'd.line', 'd.byte_offset', 'd.length', 'd.raw', 'd.created_at', 's.source', 's.source_path']);
  if (opts.reason) q = q.where('d.reason', '=', opts.reason);
  if (opts.source) q = q.where((eb) => eb.or([eb('s.source', 'like', `%${opts.source}%`), eb('s.source_path', 'like', `%${opts.source}%`)]));
  const rows = await q.orderBy('d.id').limit(Math.max(1, Math.min(opts.limit ?? 100, 100_000))).execute();
  const pb = opts.previewBytes ?? 200;
  return rows.map((r) => ({
    id: Number(r.id), reason: r.reason, message: r.message, field: r.field, source: r.source, sourcePath: r.source_path,
    line: Number(r.line), byteOffset: Number(r.byte_offset), length: Number(r.length),
    preview: Buffer.from(r.raw).subarray(0, pb).toString('utf8'), createdAt: r.created_at,
  }));
}

/**
 * Number of dead letters, per reason (keys in byte order of the reason).
 *
 * @example
 * ```ts
 * const byReason = await countDeadLetters(store); // { invalid_json: 3, too_large: 1 }
 * const total = Object.values(byReason).reduce((a, b) => a + b, 0);
 * ```
 */
export async function countDeadLetters(store: CowrieStore): Promise<Record<string, number>> {
  const rows = await store.db.selectFrom('dead_letters').select(['reason', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('reason').orderBy(binaryOrder(store, 'reason')).execute();
  return Object.fromEntries(rows.map((r) => [r.reason, Number(r.n)]));
}
