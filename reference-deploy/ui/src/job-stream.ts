/**
 * Follow one job live. `EventSource` cannot send an Authorization header, so the page first
 * trades its key for a 60-second token (`POST /api/v1/auth/sse-token`) and passes it in the
 * query. The stream's first event is the job's current status, so reconnecting (with a fresh
 * token: the old one may have expired) loses nothing. After repeated failures it polls the job
 * once a second instead (coarser, but the page keeps working).
 */
import { apiFetch, apiPost } from './api.js';
import type { JobView } from './types.js';

const EVENTS = ['status', 'queued', 'active', 'progress', 'retrying', 'completed', 'failed', 'cancelled'] as const;
const FINAL = new Set(['completed', 'failed', 'cancelled']);

/** What the stream reports: the event name and the status (with `result` / `error` at the end). */
export type JobListener = (event: string, job: Partial<JobView> & Pick<JobView, 'state' | 'progressPercent'>) => void;

/**
 * Stream `jobId`'s events to `onEvent` until a final state; returns a function that stops it.
 *
 * @example
 * ```ts
 * const stop = followJob(id, (ev, job) => setProgress(bar, job), (err) => show(err));
 * ```
 */
export function followJob(jobId: string, onEvent: JobListener, onError: (err: Error) => void): () => void {
  let source: EventSource | null = null;
  let stopped = false;
  let failures = 0;
  const connect = async () => {
    let token: string;
    try {
      token = (await apiPost<{ data: { token: string } }>('/api/v1/auth/sse-token', {})).data.token;
    } catch (err) {
      onError(err as Error);
      return;
    }
    if (stopped) return;
    source = new EventSource(`/api/v1/jobs/${encodeURIComponent(jobId)}/events?access_token=${encodeURIComponent(token)}`);
    for (const name of EVENTS) {
      source.addEventListener(name, (e) => {
        failures = 0;
        const job = JSON.parse((e as MessageEvent<string>).data) as Parameters<JobListener>[1];
        onEvent(name, job);
        if (FINAL.has(job.state)) stop();
      });
    }
    source.onerror = () => {
      if (stopped) return;
      source?.close();
      // A stream that keeps failing (say the API has no COWRIE_API_KEY to present to the
      // coordinator) still leaves the job readable: poll it instead.
      if (++failures > 3) return void poll();
      setTimeout(() => void connect(), 500 * failures);
    };
  };
  const poll = async () => {
    while (!stopped) {
      try {
        const job = await apiFetch<JobView>(`/api/v1/jobs/${encodeURIComponent(jobId)}`);
        onEvent('poll', job);
        if (FINAL.has(job.state)) return stop();
      } catch (err) {
        return onError(err as Error);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  const stop = () => {
    stopped = true;
    source?.close();
  };
  void connect();
  return stop;
}
