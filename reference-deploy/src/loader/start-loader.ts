/**
 * @module `cowrie loader <dir>`: delta-load a sensor's log directory into the central database on
 * an interval (core's `deltaLoad`, cursors per file), with `/healthz`, `/readyz` and `/metrics`.
 */
import { LoadAbortedError, deltaLoad, openStore, type CowrieStore, type LoadResult } from '@cowrieprocessor/core';
import { Hono } from 'hono';
import { createApiLogger, type ApiLogger } from '../shared/api-logger.js';
import { listen, type Serving } from '../shared/http-serve.js';
import { createLoaderMetrics } from './loader-metrics.js';

/** Settings of a loader. */
export interface LoaderConfig {
  inputs: string[];
  /** `--db` value or parsed target (`COWRIE_DB`). */
  db: Parameters<typeof openStore>[0];
  intervalMs: number;
  once: boolean;
  sensor?: string;
  batchSize?: number;
  /** Health/metrics port (default 8083; 0 picks one; null: no server). */
  port: number | null;
  host: string;
}

/** A running loader. */
export interface RunningLoader {
  /** Health server URL (when serving). */
  url: string | null;
  /** Resolves after the last run (at once with `once`; after `stop()` otherwise). */
  done: Promise<{ lastResult: LoadResult | null; failedRuns: number }>;
  stop(): Promise<void>;
}

/**
 * Start a loader.
 *
 * @example
 * ```ts
 * const l = await startLoader({ inputs: ['/var/log/cowrie'], db: process.env.COWRIE_DB, intervalMs: 900_000, once: false, port: 8083, host: '0.0.0.0' });
 * process.once('SIGTERM', () => void l.stop());
 * ```
 */
export async function startLoader(config: LoaderConfig, log: ApiLogger = createApiLogger('info', process.stdout, 'loader')): Promise<RunningLoader> {
  const store: CowrieStore = await openStore(config.db, { access: 'write', command: 'loader' });
  const metrics = createLoaderMetrics();
  const stop = new AbortController();
  type LastRun = { at: number; ok: boolean; result: LoadResult | null; error?: string };
  let last = null as LastRun | null;
  let failedRuns = 0;
  let server: Serving | null = null;
  if (config.port !== null) {
    const app = new Hono();
    app.get('/healthz', (c) => c.json({ status: 'ok' }));
    app.get('/readyz', (c) => (last && !last.ok ? c.json({ status: 'failing', lastRun: summary() }, 503) : c.json({ status: 'ready', lastRun: summary() })));
    app.get('/metrics', async (c) => c.text(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType }));
    server = await listen(app.fetch, config.port, config.host);
  }
  function summary() {
    if (!last) return null;
    const r = last.result;
    return { at: new Date(last.at).toISOString(), ok: last.ok, error: last.error, ...(r ? { files: r.files, records: r.records, events: r.events, duplicates: r.duplicates, deadLetters: r.deadLetters } : {}) };
  }
  const runOnce = async () => {
    const t0 = Date.now();
    const runId = `load-${t0}`;
    let result: LoadResult | null = null;
    try {
      result = await deltaLoad(store, config.inputs, { sensor: config.sensor, batchSize: config.batchSize, signal: stop.signal });
    } catch (err) {
      if (err instanceof LoadAbortedError) result = err.partial;
      else {
        failedRuns++;
        last = { at: Date.now(), ok: false, result: null, error: (err as Error).message };
        metrics.run(null, (Date.now() - t0) / 1000, false);
        log.error('load failed', { runId, error: (err as Error).message, code: (err as { code?: string }).code });
        return;
      }
    }
    const ok = result.failed.length === 0;
    if (!ok) failedRuns++;
    last = { at: Date.now(), ok, result };
    metrics.run(result, (Date.now() - t0) / 1000, ok);
    log.info('load done', { runId, loadId: result.loadId, files: result.files, records: result.records, events: result.events, duplicates: result.duplicates, deadLetters: result.deadLetters, failed: result.failed.length, seconds: result.seconds });
  };
  const done = (async () => {
    do {
      await runOnce();
      if (config.once || stop.signal.aborted) break;
      await new Promise<void>((r) => {
        const t = setTimeout(r, config.intervalMs);
        stop.signal.addEventListener('abort', () => (clearTimeout(t), r()), { once: true });
      });
    } while (!stop.signal.aborted);
    await server?.close();
    await store.close();
    return { lastResult: (last as LastRun | null)?.result ?? null, failedRuns };
  })();
  log.info('loader started', { inputs: config.inputs, intervalMs: config.intervalMs, once: config.once, health: server?.url ?? null });
  return {
    url: server?.url ?? null,
    done,
    async stop() {
      stop.abort(new Error('loader stopping'));
      await done;
    },
  };
}
