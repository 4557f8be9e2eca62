import { Worker } from 'node:worker_threads';
import type { JobRunner } from '../engine/queue-engine.js';
import { superviseIsolate } from './isolate-messages.js';

// Evaluated as CommonJS inside the thread: it imports the handler module by URL, gives it a
// context whose signal the parent aborts by message, and posts progress and the outcome back.
const THREAD_MAIN = `
const { parentPort, workerData } = require('node:worker_threads');
const ac = new AbortController();
parentPort.on('message', (m) => {
  if (m && m.type === 'abort') { const e = new Error(m.message); e.code = m.code; ac.abort(e); }
});
(async () => {
  const mod = await import(workerData.moduleUrl);
  const fn = mod[workerData.exportName];
  if (typeof fn !== 'function') throw new Error('thread handler ' + workerData.moduleUrl + ' has no function export "' + workerData.exportName + '"');
  const ctx = { jobId: workerData.jobId, jobType: workerData.jobType, attempt: workerData.attempt, signal: ac.signal,
    progress: async (p) => parentPort.postMessage({ type: 'progress', value: p }) };
  const value = await fn(workerData.parameters, ctx);
  parentPort.postMessage({ type: 'result', value });
})().catch((err) => parentPort.postMessage({ type: 'error', value: { message: String(err && err.message || err), code: err && err.code } }));
`;

/** Options of {@link threadHandler}. */
export interface ThreadHandlerOptions {
  /** Named export to call (default `default`). */
  exportName?: string;
  /** How long the thread may run on after the abort message before it is terminated (default 2 000 ms). */
  terminateAfterMs?: number;
  /** Resource limits of the thread (e.g. `{ maxOldGenerationSizeMb: 2048 }`). */
  resourceLimits?: import('node:worker_threads').ResourceLimits;
  /** Environment of the thread (default: a copy of the process's at start). */
  env?: Record<string, string | undefined>;
}

/**
 * A handler that runs in its own worker thread, so CPU-heavy work (detection) stays off the
 * worker's event loop and the queue's job locks keep renewing. The module at `moduleUrl` exports
 * `(parameters, ctx) => result` with the usual context (`signal`, `progress`); results must be
 * structured-cloneable. On cancel or timeout the thread gets an abort message; if it has not
 * finished `terminateAfterMs` later it is terminated, so its side effects stop either way.
 *
 * @example
 * ```ts
 * const snowshoe = threadHandler(new URL('./detect-thread.js', import.meta.url).href, { exportName: 'snowshoe' });
 * ```
 */
export function threadHandler(moduleUrl: string, opts: ThreadHandlerOptions = {}): JobRunner {
  return (parameters, ctx) => new Promise((resolve, reject) => {
    const worker = new Worker(THREAD_MAIN, {
      eval: true,
      workerData: { moduleUrl, exportName: opts.exportName ?? 'default', parameters, jobId: ctx.jobId, jobType: ctx.jobType, attempt: ctx.attempt },
      resourceLimits: opts.resourceLimits,
      ...(opts.env ? { env: opts.env } : {}),
    });
    const { finish, onMessage, watchAbort } = superviseIsolate(ctx, {
      stop: () => void worker.terminate(),
      sendAbort: (reason) => worker.postMessage({ type: 'abort', ...reason }),
      graceMs: opts.terminateAfterMs ?? 2000,
    }, resolve, reject);
    watchAbort();
    worker.on('message', onMessage);
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`job thread exited with code ${code} before finishing`))));
  });
}
