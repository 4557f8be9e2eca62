/**
 * @module The `load` job: a delta load of paths the worker can see. Delta loads commit a cursor
 * with every batch, so a job taken over from a dead worker (or re-driven) resumes after the last
 * committed batch and never stores a record twice: the handler is idempotent by construction.
 */
import { LoadAbortedError, deltaLoad } from '@cowrieprocessor/core';
import type { JobRunner } from '@cowrieprocessor/queue';
import type { StoreCache } from './store-cache.js';

/**
 * The load handler over a store cache.
 *
 * @example
 * ```ts
 * const load = loadHandler(storeCache(process.env.COWRIE_DB));
 * ```
 */
export function loadHandler(stores: StoreCache): JobRunner {
  return async (p, ctx) => {
    const store = await stores.get();
    let last = 0;
    try {
      const r = await deltaLoad(store, p.paths as string[], {
        sensor: p.sensor as string | undefined,
        batchSize: p.batchSize as number | undefined,
        signal: ctx.signal,
        onProgress: (lp) => {
          const now = Date.now();
          if (now - last < 200 && lp.step !== 'done') return; // progress at most 5/s
          last = now;
          const percent = lp.bytesTotal > 0 ? Math.min(99, (lp.bytesDone / lp.bytesTotal) * 100) : 0;
          void ctx.progress({ percent, step: lp.currentFile ? `reading ${lp.currentFile}` : lp.step, processed: lp.records, total: undefined }).catch(() => undefined);
        },
      });
      const { perFile: _perFile, ...summary } = r;
      return summary;
    } catch (err) {
      if (err instanceof LoadAbortedError && ctx.signal.aborted) throw ctx.signal.reason;
      throw err;
    }
  };
}
