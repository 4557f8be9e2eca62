import type { Queue, QueueEventsProducer } from 'bullmq';
import type { WorkerRegistry } from '../engine/queue-engine.js';
import { isoMicros, type JobView } from '../jobs/job-status.js';
import type { WorkerInfo, WorkerRecord } from '../worker/worker-info.js';
import { openEventSource, openProducer, openQueue, type BullConnection, type QueueEventSource } from './bullmq-connection.js';

/** Name of the queue whose metadata and event stream carry our control data (no jobs run on it). */
export const CONTROL_QUEUE = 'cowrie-control';
const CANCEL_EVENT = 'cowrie-cancel';
const MAX_TOMBSTONES = 2000;
const PRUNE_LOST_AFTER_MS = 10 * 60_000;

/**
 * Control data kept in the engine's own datastore (so it works the same on PostgreSQL and Redis,
 * with no table of ours): the worker registry and the views of cancelled queued jobs in the
 * control queue's metadata, and cancel requests on its event stream, which every worker process
 * listens to.
 */
export interface ControlChannel {
  registry: WorkerRegistry;
  /** Remember the view of a job removed by cancel (it stays readable as `cancelled`). */
  putTombstone(view: JobView): Promise<void>;
  getTombstone(jobId: string): Promise<JobView | null>;
  listTombstones(): Promise<JobView[]>;
  dropTombstone(jobId: string): Promise<void>;
  /** Ask whichever worker runs `jobId` to abort it. */
  requestCancel(jobId: string, reason: string): Promise<void>;
  /** Listen for cancel requests (workers). */
  onCancel(fn: (jobId: string, reason: string) => void): Promise<void>;
  close(): Promise<void>;
}

/**
 * The control channel on a BullMQ connection.
 *
 * @example
 * ```ts
 * const control = openControlChannel(conn, 15_000);
 * await control.registry.heartbeat(info);
 * ```
 */
export function openControlChannel(c: BullConnection, lostAfterMs: number): ControlChannel {
  let queue: Queue | undefined;
  let producer: QueueEventsProducer | undefined;
  let events: QueueEventSource | undefined;
  const q = async () => {
    queue ??= openQueue(c, CONTROL_QUEUE);
    await queue.waitUntilReady();
    return queue;
  };
  const meta = async () => (await q()).backend;

  const registry: WorkerRegistry = {
    async heartbeat(info: WorkerInfo) {
      await (await meta()).setQueueMeta({ [`worker:${info.workerId}`]: JSON.stringify({ info, seen: Date.now() }) });
    },
    async remove(id) {
      await (await meta()).removeQueueMetaFields([`worker:${id}`]);
    },
    async list(): Promise<WorkerRecord[]> {
      const all = await (await meta()).getQueueMeta();
      const now = Date.now();
      const out: WorkerRecord[] = [];
      const stale: string[] = [];
      for (const [k, v] of Object.entries(all)) {
        if (!k.startsWith('worker:')) continue;
        const { info, seen } = JSON.parse(v) as { info: WorkerInfo; seen: number };
        if (now - seen > PRUNE_LOST_AFTER_MS) stale.push(k);
        else out.push({ ...info, lastSeen: isoMicros(seen), status: now - seen > lostAfterMs ? 'lost' : 'active' });
      }
      if (stale.length > 0) await (await meta()).removeQueueMetaFields(stale);
      return out.sort((a, b) => a.workerId.localeCompare(b.workerId));
    },
  };

  return {
    registry,
    async putTombstone(view) {
      const m = await meta();
      await m.setQueueMeta({ [`cancelled:${view.jobId}`]: JSON.stringify(view) });
      const all = await m.getQueueMeta();
      const keys = Object.keys(all).filter((k) => k.startsWith('cancelled:'));
      if (keys.length > MAX_TOMBSTONES) {
        const byAge = keys.map((k) => [k, (JSON.parse(all[k]!) as JobView).updatedAt] as const).sort((a, b) => a[1].localeCompare(b[1]));
        await m.removeQueueMetaFields(byAge.slice(0, keys.length - MAX_TOMBSTONES).map(([k]) => k));
      }
    },
    async getTombstone(jobId) {
      const v = await (await meta()).getQueueMetaField(`cancelled:${jobId}`);
      return v ? (JSON.parse(v) as JobView) : null;
    },
    async listTombstones() {
      const all = await (await meta()).getQueueMeta();
      return Object.entries(all).filter(([k]) => k.startsWith('cancelled:')).map(([, v]) => JSON.parse(v) as JobView);
    },
    async dropTombstone(jobId) {
      await (await meta()).removeQueueMetaFields([`cancelled:${jobId}`]);
    },
    async requestCancel(jobId, reason) {
      producer ??= openProducer(c, CONTROL_QUEUE);
      await producer.publishEvent({ eventName: CANCEL_EVENT, jobId, reason }, 1000);
    },
    async onCancel(fn) {
      if (!events) {
        // The schema exists once the control queue is ready (BullMQ on PostgreSQL migrates on connect).
        await q();
        events = openEventSource(c, CONTROL_QUEUE);
        await events.waitUntilReady();
      }
      events.on(CANCEL_EVENT, (a: { jobId: string; reason: string }) => fn(a.jobId, a.reason));
    },
    async close() {
      await Promise.allSettled([queue?.close(), producer?.close(), events?.close()]);
    },
  };
}
