import type { Queue } from 'bullmq';
import type { BullConnection } from './bullmq-connection.js';

/** Completed and failed jobs kept per queue, and how long completed ones are kept. */
export const KEEP_FINISHED = 50_000;
export const KEEP_COMPLETED_SECONDS = 7 * 24 * 3600;

/**
 * BullMQ's `removeOnComplete` for this datastore. On Redis the count is a sorted-set trim, cheap on
 * every completion. On PostgreSQL BullMQ applies a count by sorting every kept job of the queue on
 * each completion, so throughput fell as jobs accumulated (242 → 45 jobs/s over 6,000 jobs here):
 * there completions carry only the age, and {@link trimFinished} enforces the count now and then.
 *
 * @example
 * ```ts
 * await queue.add(name, data, { removeOnComplete: completedRetention(conn) });
 * ```
 */
export function completedRetention(c: BullConnection): { age: number; count?: number } {
  return c.kind === 'postgres' ? { age: KEEP_COMPLETED_SECONDS } : { age: KEEP_COMPLETED_SECONDS, count: KEEP_FINISHED };
}

/**
 * Every `everyMs`, remove the oldest completed jobs of each queue beyond `keep` ({@link KEEP_FINISHED})
 * (PostgreSQL; Redis trims on completion). Several workers may trim the same queue: the deletes
 * are idempotent. Returns the stop function.
 *
 * @example
 * ```ts
 * const stop = trimFinished(conn, queues);
 * ```
 */
export function trimFinished(c: BullConnection, queues: Queue[], { everyMs = 60_000, keep = KEEP_FINISHED } = {}): () => void {
  if (c.kind !== 'postgres') return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void Promise.all(queues.map(async (q) => {
      const { completed = 0 } = await q.getJobCounts('completed');
      // clean() takes the oldest first (by submission order).
      if (completed > keep) await q.clean(0, completed - keep, 'completed');
    })).catch(() => undefined).finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
