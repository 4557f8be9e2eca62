/**
 * @module Prometheus metrics of the coordinator: queue depth per queue and state (read from the
 * engine at scrape time), job durations, outcomes and submissions, HTTP requests.
 */
import type { JobEvent, QueueEngine } from '@cowrieprocessor/queue';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The coordinator's metrics. */
export interface CoordinatorMetrics {
  registry: Registry;
  /** Count a job event (durations on completion and failure). */
  observe(e: JobEvent): void;
  submitted(jobType: string): void;
  request(route: string, status: number): void;
}

/**
 * Metrics over `engine` (depth is read from it on each scrape).
 *
 * @example
 * ```ts
 * const m = createCoordinatorMetrics(engine);
 * await engine.subscribe(m.observe);
 * res.end(await m.registry.metrics());
 * ```
 */
export function createCoordinatorMetrics(engine: QueueEngine): CoordinatorMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'cowrie_coordinator_' });
  new Gauge({
    name: 'cowrie_queue_jobs',
    help: 'Jobs per queue and state (queued, delayed, in_progress, completed, failed)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      const depth = await engine.depth();
      for (const [queue, d] of Object.entries(depth)) {
        this.set({ queue, state: 'queued' }, d.queued);
        this.set({ queue, state: 'delayed' }, d.delayed);
        this.set({ queue, state: 'in_progress' }, d.inProgress);
        this.set({ queue, state: 'completed' }, d.completed);
        this.set({ queue, state: 'failed' }, d.failed);
      }
    },
  });
  const duration = new Histogram({
    name: 'cowrie_job_duration_seconds', help: 'Run time of finished jobs', labelNames: ['queue', 'outcome'], registers: [registry],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800, 3600],
  });
  const finished = new Counter({ name: 'cowrie_jobs_finished_total', help: 'Finished jobs by outcome (completed, failed, cancelled)', labelNames: ['queue', 'outcome'], registers: [registry] });
  const failures = new Counter({ name: 'cowrie_job_failures_total', help: 'Failed job attempts, retried or final', labelNames: ['queue'], registers: [registry] });
  const submitted = new Counter({ name: 'cowrie_jobs_submitted_total', help: 'Jobs accepted by POST /api/v1/jobs', labelNames: ['queue'], registers: [registry] });
  const requests = new Counter({ name: 'cowrie_coordinator_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['route', 'status'], registers: [registry] });
  return {
    registry,
    observe(e) {
      if (e.type === 'retrying') failures.inc({ queue: e.jobType });
      if (e.type !== 'completed' && e.type !== 'failed' && e.type !== 'cancelled') return;
      if (e.type === 'failed') failures.inc({ queue: e.jobType });
      finished.inc({ queue: e.jobType, outcome: e.type });
      if (e.durationMs !== undefined) duration.observe({ queue: e.jobType, outcome: e.type }, e.durationMs / 1000);
    },
    submitted: (t) => submitted.inc({ queue: t }),
    request: (route, status) => requests.inc({ route, status: String(status) }),
  };
}
