import { spawn } from 'node:child_process';
import type { JobRunner } from '../engine/queue-engine.js';
import { superviseIsolate } from './isolate-messages.js';

// Evaluated as CommonJS in the child: it waits for the job over IPC, imports the handler module
// by URL, aborts the handler's signal on an abort message and sends progress and the outcome back.
// It exits when the parent goes away, so an orphan never keeps writing.
const PROCESS_MAIN = `
const ac = new AbortController();
const send = (m) => new Promise((r) => process.send(m, () => r()));
process.on('disconnect', () => process.exit(1));
process.on('message', async (m) => {
  if (m && m.type === 'abort') { const e = new Error(m.message); e.code = m.code; ac.abort(e); return; }
  if (!m || m.type !== 'start') return;
  try {
    const mod = await import(m.moduleUrl);
    const fn = mod[m.exportName];
    if (typeof fn !== 'function') throw new Error('process handler ' + m.moduleUrl + ' has no function export "' + m.exportName + '"');
    const ctx = { jobId: m.jobId, jobType: m.jobType, attempt: m.attempt, signal: ac.signal,
      progress: async (p) => send({ type: 'progress', value: p }) };
    const value = await fn(m.parameters, ctx);
    await send({ type: 'result', value });
  } catch (err) {
    await send({ type: 'error', value: { message: String(err && err.message || err), code: err && err.code } });
  }
  process.exit(0);
});
`;

/** Options of {@link processHandler}. */
export interface ProcessHandlerOptions {
  /** Named export to call (default `default`). */
  exportName?: string;
  /** How long the process may run on after the abort message before it is killed (default 2 000 ms). */
  killAfterMs?: number;
  /** Environment of the process (default: this process's). */
  env?: Record<string, string | undefined>;
  /** Extra `node` flags, e.g. `['--max-old-space-size=4096']`. */
  execArgv?: string[];
}

/**
 * A handler that runs in a sandboxed child process: its memory, crashes and native code stay out of
 * the worker, and the worker's event loop (job locks) is never blocked. The module at `moduleUrl`
 * exports `(parameters, ctx) => result` with the usual context; parameters and results cross by
 * structured clone. On cancel or timeout the process gets an abort message; if it has not finished
 * `killAfterMs` later it is killed (SIGKILL), so its side effects stop either way.
 *
 * @example
 * ```ts
 * const report = processHandler(new URL('./report-process.js', import.meta.url).href, { exportName: 'report' });
 * ```
 */
export function processHandler(moduleUrl: string, opts: ProcessHandlerOptions = {}): JobRunner {
  return (parameters, ctx) => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.execArgv ?? []), '-e', PROCESS_MAIN], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
      env: opts.env ?? process.env,
    });
    const { finish, onMessage, watchAbort } = superviseIsolate(ctx, {
      stop: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      },
      sendAbort: (reason) => {
        if (child.connected) child.send({ type: 'abort', ...reason });
      },
      graceMs: opts.killAfterMs ?? 2000,
    }, resolve, reject);
    child.on('message', onMessage);
    child.on('error', (err) => finish(() => reject(err)));
    // 'close', not 'exit': messages still in the IPC pipe are read before it fires.
    child.on('close', (code, signal) => finish(() => reject(new Error(`job process exited (${signal ?? `code ${code}`}) before finishing`))));
    child.send({ type: 'start', moduleUrl, exportName: opts.exportName ?? 'default', parameters, jobId: ctx.jobId, jobType: ctx.jobType, attempt: ctx.attempt });
    watchAbort();
  });
}
