/**
 * Workers: the coordinator's registry (who is alive, what they take, their hardware and compute
 * backends, heartbeat age) and the queue depths, refreshed every 2 s so heartbeats tick by.
 */
import { apiFetch } from '../api.js';
import { dataTable } from '../components/data-table.js';
import { topList } from '../components/top-list.js';
import { h, panel, replace } from '../dom.js';
import { ago, utc } from '../format.js';
import type { QueueDepth, WorkerRecord } from '../types.js';

interface WorkersAnswer {
  workers: WorkerRecord[];
  jobRouting: Record<string, string[]>;
  queues: Record<string, QueueDepth>;
}

/** Render the registry into `root` and keep it fresh while it is shown. */
export async function workersPage(root: HTMLElement): Promise<void> {
  const body = h('div', { 'data-testid': 'workers-body' });
  const draw = async () => {
    const w = await apiFetch<WorkersAnswer>('/api/v1/workers');
    const queues = Object.entries(w.queues ?? {});
    replace(body,
      panel(`Registry (${w.workers.length})`, dataTable(w.workers, [
        { title: 'worker', cell: (x) => x.workerId },
        { title: 'status', cell: (x) => h('span', { class: `state ${x.status === 'active' ? 'completed' : 'failed'}` }, x.status) },
        { title: 'last heartbeat', cell: (x) => h('span', { title: utc(x.lastSeen), 'data-testid': 'heartbeat' }, ago(x.lastSeen)) },
        { title: 'host', cell: (x) => `${x.hostname} (${x.type}, ${x.platform})` },
        { title: 'profile', cell: (x) => x.profile },
        { title: 'queues', cell: (x) => x.queues.join(', ') },
        { title: 'running', cell: (x) => `${x.active} / ${x.concurrency}`, num: true },
        { title: 'hardware', cell: (x) => `${x.capabilities.cpuCores} cores, ${x.capabilities.memoryGb} GB, ${x.capabilities.accelerator}` },
        { title: 'backends', cell: (x) => x.capabilities.backends.join(', ') },
        { title: 'started', cell: (x) => ago(x.startedAt) },
      ], { testId: 'workers-table', empty: 'no workers registered: start one with "cowrie worker"' })),
      h('div', { class: 'grid2' },
        panel('Waiting per queue', topList(queues.map(([q, d]) => ({ label: q, count: d.queued + d.delayed })), { testId: 'queue-depth', empty: 'no queues' })),
        panel('Running per queue', topList(queues.map(([q, d]) => ({ label: q, count: d.inProgress })), { empty: 'no queues' }))),
    );
  };
  await draw();
  replace(root, h('h1', {}, 'Workers'), body);
  const timer = setInterval(() => {
    if (!body.isConnected) return clearInterval(timer);
    void draw().catch((err) => replace(body, h('p', { class: 'error-text' }, (err as Error).message)));
  }, 2000);
}
