/**
 * @module The API's Prometheus metrics (one registry per server). Names are listed in
 * {@link API_METRIC_NAMES}; the Grafana dashboard and the deployment tests read them from there.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CacheOutcome } from './answer-cache.js';
import type { DbGate } from './db-gate.js';

/** Metric names this server exposes besides Node's default process metrics. */
export const API_METRIC_NAMES = [
  'cowrie_api_requests_total', 'cowrie_api_request_duration_seconds', 'cowrie_api_cache_total',
  'cowrie_api_rate_limited_total', 'cowrie_api_db_pool_size', 'cowrie_api_db_pool_in_use', 'cowrie_api_db_pool_waiting',
] as const;

/** Handles the middleware and handlers record into. */
export interface ApiMetrics {
  registry: Registry;
  observe(method: string, route: string, status: number, seconds: number): void;
  cache(route: string, outcome: CacheOutcome): void;
  rateLimited(): void;
}

/**
 * Create the registry with default process metrics and the API's own.
 *
 * @example
 * ```ts
 * const m = createApiMetrics(gate);
 * const text = await m.registry.metrics();
 * ```
 */
export function createApiMetrics(gate: DbGate): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'cowrie_api_requests_total', help: 'HTTP requests by method, route pattern and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'cowrie_api_request_duration_seconds', help: 'HTTP request latency by method and route pattern', labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
  });
  const cache = new Counter({ name: 'cowrie_api_cache_total', help: 'Answers by cache outcome (hit, stale, miss, off)', labelNames: ['route', 'outcome'], registers: [registry] });
  const limited = new Counter({ name: 'cowrie_api_rate_limited_total', help: 'Requests refused by the per-key rate limit', registers: [registry] });
  new Gauge({ name: 'cowrie_api_db_pool_size', help: 'Database work allowed in flight (the pool size)', registers: [registry], collect() { this.set(gate.size); } });
  new Gauge({ name: 'cowrie_api_db_pool_in_use', help: 'Database work in flight', registers: [registry], collect() { this.set(gate.inUse); } });
  new Gauge({ name: 'cowrie_api_db_pool_waiting', help: 'Requests waiting for a database slot', registers: [registry], collect() { this.set(gate.waiting); } });
  return {
    registry,
    observe(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    cache: (route, outcome) => cache.inc({ route, outcome }),
    rateLimited: () => limited.inc(),
  };
}
