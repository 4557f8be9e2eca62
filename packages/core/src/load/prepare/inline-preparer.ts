import type { RawRecord } from '../../input/types.js';
import { prepareRecord, type PreparedRecord } from '../prepare-record.js';
import type { ChunkContext, Preparer } from './preparer.js';

/**
 * Prepares records on the caller's thread: for small inputs (a thread costs more to start than
 * it saves) and wherever worker threads are unavailable.
 *
 * @example
 * ```ts
 * const p = createInlinePreparer();
 * const out = await p.prepare(records, { sourceId: 1, now: nowIso() });
 * ```
 */
export function createInlinePreparer(): Preparer {
  return {
    name: 'inline',
    prepare: async (records: readonly RawRecord[], ctx: ChunkContext): Promise<PreparedRecord[]> =>
      records.map((r) => prepareRecord(r, ctx.sourceId, ctx, ctx.now)),
    close: async () => undefined,
  };
}
