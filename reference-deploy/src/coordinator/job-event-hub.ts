/**
 * @module One engine subscription fanned out by job id, for the SSE streams (each stream listens
 * to its job only) and to "all" listeners (metrics).
 */
import type { JobEvent, QueueEngine } from '@cowrieprocessor/queue';

/** Fan-out of engine events. */
export interface JobEventHub {
  /** Listen to one job's events; returns the unsubscribe function. */
  onJob(jobId: string, fn: (e: JobEvent) => void): () => void;
  /** Listen to every event. */
  onAny(fn: (e: JobEvent) => void): () => void;
  close(): void;
}

/**
 * Subscribe once to `engine` and fan out.
 *
 * @example
 * ```ts
 * const hub = await createJobEventHub(engine);
 * const off = hub.onJob(id, (e) => send(e));
 * ```
 */
export async function createJobEventHub(engine: QueueEngine): Promise<JobEventHub> {
  const byJob = new Map<string, Set<(e: JobEvent) => void>>();
  const any = new Set<(e: JobEvent) => void>();
  const off = await engine.subscribe((e) => {
    for (const fn of any) fn(e);
    for (const fn of byJob.get(e.jobId) ?? []) fn(e);
  });
  return {
    onJob(jobId, fn) {
      let set = byJob.get(jobId);
      if (!set) byJob.set(jobId, (set = new Set()));
      set.add(fn);
      return () => {
        set.delete(fn);
        if (set.size === 0) byJob.delete(jobId);
      };
    },
    onAny(fn) {
      any.add(fn);
      return () => any.delete(fn);
    },
    close() {
      off();
      byJob.clear();
      any.clear();
    },
  };
}
