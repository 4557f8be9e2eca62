/**
 * @module The handler of every job type. Detection runs in a worker thread (CPU-heavy; cancel and
 * timeout terminate the thread if it does not stop); the others run on the worker's event loop.
 */
import { threadHandler, type JobRunner, type JobType } from '@cowrieprocessor/queue';
import { enrichmentHandler } from './enrichment-handler.js';
import { loadHandler } from './load-handler.js';
import { pingHandler } from './ping-handler.js';
import { reportHandler } from './report-handler.js';
import type { StoreCache } from './store-cache.js';

/**
 * URL of the built detection thread module. It sits next to the bundle that imports this
 * (`dist/detection-thread.js`); `COWRIE_DETECTION_THREAD` overrides it.
 *
 * @example
 * ```ts
 * detectionThreadUrl(); // 'file:///…/reference-deploy/dist/detection-thread.js'
 * ```
 */
export function detectionThreadUrl(): string {
  return process.env.COWRIE_DETECTION_THREAD ?? new URL('./detection-thread.js', import.meta.url).href;
}

/**
 * Handlers for all job types over a store cache.
 *
 * @example
 * ```ts
 * const handlers = createHandlers(storeCache(process.env.COWRIE_DB));
 * ```
 */
export function createHandlers(stores: StoreCache): Record<JobType, JobRunner> {
  // The thread opens its own store from COWRIE_DB: hand it the database this process was given
  // (a coordinator's or worker's --db), not only what its environment happened to say.
  const env = stores.target ? { ...process.env, COWRIE_DB: stores.target } : undefined;
  const thread = (exportName: string) => threadHandler(detectionThreadUrl(), { exportName, terminateAfterMs: 3000, env });
  return {
    load: loadHandler(stores),
    report: reportHandler(stores),
    enrichment: enrichmentHandler(stores),
    ping: pingHandler,
    snowshoe: thread('snowshoe'),
    botnet: thread('botnet'),
    longtail: thread('longtail'),
  };
}
export { storeCache, type StoreCache } from './store-cache.js';
