/**
 * @module `cowrie coordinator`: open the queue engine, serve the job API, and with the embedded
 * engine run the handlers in this process (the single-machine default).
 */
import { createWorker, describeQueue, openEngine, type QueueEngine, type RunningWorker } from '@cowrieprocessor/queue';
import { createApiLogger, type ApiLogger } from '../shared/api-logger.js';
import { createSseTokens } from '../shared/keys-sse-token.js';
import { listen } from '../shared/http-serve.js';
import { createHandlers, storeCache } from '../worker/handlers/index.js';
import { createCoordinatorApp } from './coordinator-app.js';
import type { CoordinatorConfig } from './coordinator-config.js';
import { createCoordinatorMetrics } from './coordinator-metrics.js';
import { createJobEventHub } from './job-event-hub.js';

/** A running coordinator. */
export interface RunningCoordinator {
  url: string;
  port: number;
  engine: QueueEngine;
  close(): Promise<void>;
}

/**
 * Start the coordinator.
 *
 * @example
 * ```ts
 * const c = await startCoordinator(resolveCoordinatorConfig({ port: 8082 }, process.env));
 * process.once('SIGTERM', () => void c.close());
 * ```
 */
export async function startCoordinator(config: CoordinatorConfig, log: ApiLogger = createApiLogger(config.logLevel, process.stdout, 'coordinator')): Promise<RunningCoordinator> {
  const engine = openEngine(config.queue);
  await engine.ping();
  const hub = await createJobEventHub(engine);
  const metrics = createCoordinatorMetrics(engine);
  hub.onAny(metrics.observe);
  hub.onAny((e) => {
    if (e.type === 'completed' || e.type === 'failed' || e.type === 'cancelled') log.info(`job ${e.type}`, { jobId: e.jobId, jobType: e.jobType, ...(e.error ? { error: e.error } : {}), ...(e.durationMs !== undefined ? { ms: e.durationMs } : {}) });
  });
  let local: RunningWorker | undefined;
  const stores = storeCache(config.db, 'coordinator');
  if (engine.kind === 'embedded') {
    local = await createWorker({ engine, handlers: createHandlers(stores), profile: 'general', concurrency: config.concurrency, workerId: 'coordinator-embedded' });
  }
  const app = createCoordinatorApp({ engine, hub, metrics, log, keys: config.keys, noAuth: config.noAuth, tokens: createSseTokens() });
  const server = await listen(app.fetch, config.port, config.host);
  log.info('coordinator listening', { url: server.url, queue: describeQueue(config.queue), auth: config.noAuth ? 'none (--insecure-no-auth)' : `${config.keys.length} key(s)` });
  return {
    url: server.url,
    port: server.port,
    engine,
    async close() {
      await server.close();
      await local?.stop({ graceMs: 5000 });
      hub.close();
      await engine.close();
      await stores.close();
    },
  };
}
