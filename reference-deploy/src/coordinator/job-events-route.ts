/**
 * @module `GET /api/v1/jobs/{id}/events`: the job's status as server-sent events. The first event
 * is the current status; then one event per change (`event:` is the change: active, progress,
 * retrying, completed, failed, cancelled; `data:` the status, with `result` or `error` at the
 * end). The stream ends after a final state. A comment line every 15 s keeps proxies open.
 */
import { JobNotFoundError, type JobEvent, type QueueEngine } from '@cowrieprocessor/queue';
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ApiError } from '../shared/api-errors.js';
import type { CoordinatorEnv } from './coordinator-env.js';
import type { JobEventHub } from './job-event-hub.js';

const FINAL = new Set(['completed', 'failed', 'cancelled']);

/**
 * Mount the events route.
 *
 * @example
 * ```ts
 * mountJobEvents(app, engine, hub);
 * ```
 */
export function mountJobEvents(app: Hono<CoordinatorEnv>, engine: QueueEngine, hub: JobEventHub, keepAliveMs = 15_000, recheckMs = 2000): void {
  app.get('/api/v1/jobs/:id/events', async (c) => {
    const id = c.req.param('id');
    if (!/^[A-Za-z0-9._-]{1,128}$/.test(id)) throw new ApiError(400, 'INVALID_PARAM', 'id: not a job id');
    // Listen before reading the current status, so that no change falls between the two.
    const pending: JobEvent[] = [];
    let push: ((e: JobEvent) => void) | null = null;
    const off = hub.onJob(id, (e) => (push ? push(e) : pending.push(e)));
    const view = await engine.get(id).catch((err) => {
      off();
      throw err;
    });
    if (!view) {
      off();
      throw new JobNotFoundError(id);
    }
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let seq = 0;
      let done = false;
      let wake: () => void = () => undefined;
      const ended = new Promise<void>((r) => (wake = r));
      const send = async (event: string, data: unknown) => {
        await stream.writeSSE({ event, data: JSON.stringify(data), id: String(seq++) });
      };
      const queue: JobEvent[] = [];
      let writing = Promise.resolve();
      push = (e) => {
        queue.push(e);
        writing = writing.then(async () => {
          const next = queue.shift();
          if (!next || done) return;
          await send(next.type, { ...next.status, ...(next.result !== undefined ? { result: next.result } : {}), ...(next.error ? { error: next.error } : {}) });
          if (FINAL.has(next.type)) {
            done = true;
            wake();
          }
        }).catch(() => {
          done = true;
          wake();
        });
      };
      stream.onAbort(() => {
        done = true;
        wake();
      });
      await send('status', view);
      if (FINAL.has(view.state)) done = true;
      else for (const e of pending.splice(0)) push(e);
      const ka = setInterval(() => void stream.write(': keep-alive\n\n').catch(() => undefined), keepAliveMs);
      // Engine event streams are best effort (a reconnecting reader or a trimmed stream can miss
      // one): re-read the job now and then, and end the stream with its final state if that event
      // never came.
      const recheck = setInterval(() => {
        if (done) return;
        void engine.get(id).then((v) => {
          if (v && FINAL.has(v.state) && !done) push!({ type: v.state as JobEvent['type'], jobId: id, jobType: v.jobType, status: v, result: v.result, error: v.error });
        }, () => undefined);
      }, recheckMs);
      try {
        if (!done) await ended;
        await writing;
      } finally {
        clearInterval(ka);
        clearInterval(recheck);
        off();
      }
    });
  });
}
