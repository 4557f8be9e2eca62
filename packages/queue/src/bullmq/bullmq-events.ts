import { applyProgress, isoMicros, type JobEvent, type JobStatus } from '../jobs/job-status.js';
import type { JobType } from '../jobs/job-types.js';
import type { QueueEventSource } from './bullmq-connection.js';
import { decodeError, progressOf } from './job-codec.js';

const fresh = (jobId: string): JobStatus => ({ jobId, state: 'queued', progressPercent: 0, currentStep: null, processed: null, total: null, updatedAt: isoMicros() });

/**
 * Turn one queue's BullMQ events into our {@link JobEvent}s. Statuses are built from the events
 * alone (no read per event), with a small per-job cache holding the last status and start time.
 *
 * @example
 * ```ts
 * bridgeQueueEvents(events, 'snowshoe', (e) => console.log(e.type, e.status.progressPercent));
 * ```
 */
export function bridgeQueueEvents(events: QueueEventSource, jobType: JobType, emit: (e: JobEvent) => void): void {
  const cache = new Map<string, { status: JobStatus; startedAt?: number }>();
  const get = (jobId: string) => {
    let c = cache.get(jobId);
    if (!c) {
      if (cache.size > 20_000) cache.delete(cache.keys().next().value!);
      c = { status: fresh(jobId) };
      cache.set(jobId, c);
    }
    return c;
  };
  const send = (type: JobEvent['type'], jobId: string, patch: Partial<JobStatus>, extra: Partial<JobEvent> = {}) => {
    const c = get(jobId);
    c.status = { ...c.status, ...patch, updatedAt: isoMicros() };
    emit({ type, jobId, jobType, status: { ...c.status }, ...extra });
    if (type === 'completed' || type === 'failed' || type === 'cancelled') cache.delete(jobId);
  };
  events.on('waiting', ({ jobId }) => send('queued', jobId, { state: 'queued', progressPercent: 0 }));
  events.on('delayed', ({ jobId }) => send('retrying', jobId, { state: 'queued', progressPercent: 0 }));
  events.on('active', ({ jobId }) => {
    get(jobId).startedAt = Date.now();
    send('active', jobId, { state: 'in_progress', progressPercent: 0, currentStep: null });
  });
  events.on('progress', ({ jobId, data }) => {
    const c = get(jobId);
    c.status = applyProgress({ ...c.status, state: 'in_progress' }, progressOf(data));
    emit({ type: 'progress', jobId, jobType, status: { ...c.status } });
  });
  events.on('completed', ({ jobId, returnvalue }) => {
    const started = cache.get(jobId)?.startedAt;
    send('completed', jobId, { state: 'completed', progressPercent: 100 }, { result: returnvalue, ...(started ? { durationMs: Date.now() - started } : {}) });
  });
  events.on('failed', ({ jobId, failedReason }) => {
    const error = decodeError(failedReason);
    const started = cache.get(jobId)?.startedAt;
    const type = error.code === 'JOB_CANCELLED' ? 'cancelled' : 'failed';
    send(type, jobId, { state: type }, { error, ...(started ? { durationMs: Date.now() - started } : {}) });
  });
}
