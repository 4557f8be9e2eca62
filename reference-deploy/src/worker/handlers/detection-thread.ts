/**
 * @module Entry of the detection worker thread (built as `dist/detection-thread.js`): CPU-heavy
 * detection runs here, off the worker's event loop, so its job locks keep renewing. The thread
 * opens its own store from `COWRIE_DB` (threads share the process environment).
 */
import { openStore } from '@cowrieprocessor/core';
import type { JobContext } from '@cowrieprocessor/queue';
import { runDetectionJob, type DetectorJob } from './detection-entry.js';

const run = (detector: DetectorJob) => async (params: Record<string, unknown>, ctx: JobContext) => {
  const db = process.env.COWRIE_DB;
  if (!db) throw Object.assign(new Error('detection jobs need the database: set COWRIE_DB on the worker'), { code: 'NO_DB' });
  const store = await openStore(db, { access: 'write', command: `worker (${detector})`, poolSize: 2 });
  try {
    return await runDetectionJob(store, detector, params, ctx);
  } finally {
    await store.close();
  }
};

/** The snowshoe job in a thread. */
export const snowshoe = run('snowshoe');
/** The botnet job in a thread. */
export const botnet = run('botnet');
/** The longtail job in a thread. */
export const longtail = run('longtail');
