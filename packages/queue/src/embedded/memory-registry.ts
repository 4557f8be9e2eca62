import type { WorkerRegistry } from '../engine/queue-engine.js';
import { isoMicros } from '../jobs/job-status.js';
import type { WorkerInfo, WorkerRecord } from '../worker/worker-info.js';

/**
 * The embedded engine's worker registry: in memory, since every worker is in this process.
 *
 * @example
 * ```ts
 * const reg = memoryRegistry(15_000);
 * await reg.heartbeat(info);
 * ```
 */
export function memoryRegistry(lostAfterMs: number): WorkerRegistry {
  const entries = new Map<string, { info: WorkerInfo; seen: number }>();
  return {
    async heartbeat(info) {
      entries.set(info.workerId, { info, seen: Date.now() });
    },
    async remove(id) {
      entries.delete(id);
    },
    async list(): Promise<WorkerRecord[]> {
      const now = Date.now();
      return [...entries.values()].map(({ info, seen }) => ({ ...info, lastSeen: isoMicros(seen), status: now - seen > lostAfterMs ? 'lost' : 'active' }));
    },
  };
}
