import type { JobContext } from '../engine/queue-engine.js';

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
