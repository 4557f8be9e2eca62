/**
 * @module Start and stop the API server: open the read store, build the context and the app,
 * listen with `@hono/node-server`, and close everything on `close()`.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { CowrieStore } from '@cowrieprocessor/core';
import { createApiLogger, type ApiLogger } from '../shared/api-logger.js';
import { createAnswerCache } from './answer-cache.js';
import { createApiMetrics } from './api-metrics.js';
import { createApiApp } from './app.js';
import type { ApiConfig } from './config.js';
import type { ApiContext } from './context.js';
import { createCursorCodec } from './cursor.js';
import { createDbGate } from './db-gate.js';
import { openReadStore } from './open-read-store.js';
import { createRateLimiter } from './rate-limiter.js';

/** A running server. */
export interface RunningApi {
  url: string;
  port: number;
  ctx: ApiContext;
  close(): Promise<void>;
}

/**
 * Build the shared context over an open store (tests use this with their own store).
 *
 * @example
 * ```ts
 * const ctx = createApiContext(store, config);
 * const res = await createApiApp(ctx).request('/healthz');
 * ```
 */
export function createApiContext(store: CowrieStore, config: ApiConfig, log: ApiLogger = createApiLogger(config.logLevel)): ApiContext {
  const gate = createDbGate(config.poolSize);
  return {
    store, config, gate, log, now: Date.now,
    cache: createAnswerCache(config.cacheMs),
    codec: createCursorCodec(config.secret),
    metrics: createApiMetrics(gate),
    limiter: createRateLimiter(config.rate),
  };
}

/**
 * Open the database, then listen on `config.host:config.port` (port 0 picks a free one).
 *
 * @example
 * ```ts
 * const api = await startApiServer(resolveApiConfig({ port: 8081 }, process.env));
 * process.on('SIGTERM', () => api.close());
 * ```
 */
export async function startApiServer(config: ApiConfig, opts: { store?: CowrieStore; log?: ApiLogger } = {}): Promise<RunningApi> {
  const log = opts.log ?? createApiLogger(config.logLevel);
  const store = opts.store ?? (await openReadStore(config.db, config.poolSize));
  const ctx = createApiContext(store, config, log);
  const app = createApiApp(ctx);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  log.info('listening', { url: `http://${host}:${port}`, database: store.description, schemaVersion: store.schemaVersion, keys: config.keys.length, cors: config.corsOrigin ?? 'off' });
  return {
    url: `http://${host}:${port}`, port, ctx,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      if (!opts.store) await store.close();
    },
  };
}
