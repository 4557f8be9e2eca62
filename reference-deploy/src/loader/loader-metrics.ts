/**
 * @module Prometheus metrics of a loader: runs by outcome, records/events/duplicates/dead
 * letters stored, run duration, time of the last successful run.
 */
import type { LoadResult } from '@cowrieprocessor/core';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** A loader's metrics. */
export interface LoaderMetrics {
  registry: Registry;
  run(result: LoadResult | null, seconds: number, ok: boolean): void;
}

/**
 * New loader metrics.
 *
 * @example
 * ```ts
 * const m = createLoaderMetrics();
 * m.run(result, 1.2, true);
 * ```
 */
export function createLoaderMetrics(): LoaderMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'cowrie_loader_' });
  const runs = new Counter({ name: 'cowrie_loader_runs_total', help: 'Delta-load runs by outcome (ok, failed)', labelNames: ['outcome'], registers: [registry] });
  const items = new Counter({ name: 'cowrie_loader_records_total', help: 'Records read, by what they became (event, duplicate, dead_letter)', labelNames: ['kind'], registers: [registry] });
  const duration = new Histogram({ name: 'cowrie_loader_run_seconds', help: 'Duration of delta-load runs', registers: [registry], buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900] });
  const lastOk = new Gauge({ name: 'cowrie_loader_last_success_timestamp_seconds', help: 'Unix time of the last successful run', registers: [registry] });
  const pending = new Gauge({ name: 'cowrie_loader_pending_bytes', help: 'Bytes of unterminated last lines left for the next run', registers: [registry] });
  return {
    registry,
    run(r, seconds, ok) {
      runs.inc({ outcome: ok ? 'ok' : 'failed' });
      duration.observe(seconds);
      if (ok) lastOk.set(Date.now() / 1000);
      if (!r) return;
      items.inc({ kind: 'event' }, r.events);
      items.inc({ kind: 'duplicate' }, r.duplicates);
      items.inc({ kind: 'dead_letter' }, r.deadLetters);
      pending.set(r.pending.reduce((n, x) => n + x.bytes, 0));
    },
  };
}
