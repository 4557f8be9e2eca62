import type { Consumer } from '../engine/queue-engine.js';
import type { JobType } from '../jobs/job-types.js';
import type { WorkerInfo, WorkerRecord } from './worker-info.js';

/** Preference of a worker for a queue when `worker-config.yaml` gives none. */
export const DEFAULT_PREFERENCE = 50;

/**
 * The queues this worker should leave to a more preferred peer right now: a queue is yielded while
 * another live worker that consumes it has a higher preference (0–100) and a free slot. When the
 * preferred peer is down (no heartbeat) or busy, this worker takes jobs again.
 *
 * @example
 * ```ts
 * const yielded = queuesToYield(self, await engine.registry.list());
 * ```
 */
export function queuesToYield(self: WorkerInfo, peers: WorkerRecord[]): Set<JobType> {
  const out = new Set<JobType>();
  for (const q of self.queues) {
    const mine = self.preferences[q] ?? DEFAULT_PREFERENCE;
    const better = peers.some((p) => p.workerId !== self.workerId && p.status === 'active' && p.queues.includes(q)
      && (p.preferences[q] ?? DEFAULT_PREFERENCE) > mine && p.active < p.concurrency);
    if (better) out.add(q);
  }
  return out;
}

/**
 * Pause and resume a consumer's queues to match {@link queuesToYield}; remembers what it paused.
 *
 * @example
 * ```ts
 * const gate = preferenceGate(consumer);
 * await gate.apply(queuesToYield(info, peers));
 * ```
 */
export function preferenceGate(consumer: Consumer): { apply(yielded: Set<JobType>, all: JobType[]): Promise<void> } {
  const paused = new Set<JobType>();
  return {
    async apply(yielded, all) {
      for (const q of all) {
        if (yielded.has(q) && !paused.has(q)) {
          paused.add(q);
          await consumer.pause(q);
        } else if (!yielded.has(q) && paused.has(q)) {
          paused.delete(q);
          await consumer.resume(q);
        }
      }
    },
  };
}
