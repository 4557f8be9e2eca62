/**
 * @module The `report` job: the summary report over a window (read-only, so re-running is safe).
 */
import { parseWindow, summarize } from '@cowrieprocessor/core';
import type { JobRunner } from '@cowrieprocessor/queue';
import type { StoreCache } from './store-cache.js';

/**
 * The report handler over a store cache.
 *
 * @example
 * ```ts
 * const report = reportHandler(storeCache(process.env.COWRIE_DB));
 * ```
 */
export function reportHandler(stores: StoreCache): JobRunner {
  return async (p, ctx) => {
    const store = await stores.get();
    await ctx.progress({ percent: 10, step: 'summarizing' });
    const w = parseWindow(p.since as string | undefined, p.until as string | undefined);
    const r = await summarize(store, { ...w, sensor: p.sensor as string | undefined, top: (p.top as number | undefined) ?? 10 });
    await ctx.progress({ percent: 100, step: 'done' });
    return r;
  };
}
