import type { JobContext } from '../engine/queue-engine.js';
import { errorInfo } from '../engine/run-controlled.js';

/** What a handler running in a thread or a child process sends back. */
export interface IsolateMessage {
  type: string;
  value: unknown;
}

/**
 * The listener for an isolated handler's messages, shared by the thread and process adapters:
 * progress goes to the job, a result or an error settles it (through `finish`, which also stops
 * the isolate).
 *
 * @example
 * ```ts
 * worker.on('message', isolateMessageListener(ctx, finish, resolve, reject));
 * ```
 */
export function isolateMessageListener(
  ctx: Pick<JobContext, 'progress'>,
  finish: (settle: () => void) => void,
  resolve: (value: unknown) => void,
  reject: (err: Error) => void,
): (m: IsolateMessage) => void {
  return (m) => {
    if (m.type === 'progress') void ctx.progress(m.value as Parameters<JobContext['progress']>[0]).catch(() => undefined);
    else if (m.type === 'result') finish(() => resolve(m.value));
    else if (m.type === 'error') {
      const v = m.value as { message: string; code?: string };
      finish(() => reject(Object.assign(new Error(v.message), { code: v.code ?? 'JOB_FAILED' })));
    }
  };
}

/** How a supervised isolate is stopped and told to abort. */
export interface IsolateControls {
  /** Stop it for good (terminate the thread, SIGKILL the process); called once, when the job settles. */
  stop(): void;
  /** Ask it to abort (its handler's signal fires); it is stopped after `graceMs` if it does not settle. */
  sendAbort(reason: ReturnType<typeof errorInfo>): void;
  graceMs: number;
}

/**
 * The lifecycle both isolate adapters share: settle once, stop the isolate when settled, and on
 * cancel or timeout ask it to abort, then stop it after a grace period.
 *
 * @example
 * ```ts
 * const s = superviseIsolate(ctx, { stop: () => void worker.terminate(), sendAbort: (r) => worker.postMessage({ type: 'abort', ...r }), graceMs: 2000 }, resolve, reject);
 * worker.on('message', s.onMessage);
 * s.watchAbort();
 * ```
 */
export function superviseIsolate(ctx: Pick<JobContext, 'progress' | 'signal'>, controls: IsolateControls, resolve: (value: unknown) => void, reject: (err: Error) => void) {
  let settled = false;
  let killTimer: NodeJS.Timeout | undefined;
  const finish = (settle: () => void) => {
    if (settled) return;
    settled = true;
    clearTimeout(killTimer);
    ctx.signal.removeEventListener('abort', onAbort);
    controls.stop();
    settle();
  };
  const onAbort = () => {
    controls.sendAbort(errorInfo(ctx.signal.reason));
    killTimer = setTimeout(() => finish(() => reject(ctx.signal.reason as Error)), controls.graceMs);
  };
  return {
    finish,
    onMessage: isolateMessageListener(ctx, finish, resolve, reject),
    /** Start listening for cancel and timeout (at once if the signal already fired). */
    watchAbort() {
      if (ctx.signal.aborted) onAbort();
      else ctx.signal.addEventListener('abort', onAbort, { once: true });
    },
  };
}
