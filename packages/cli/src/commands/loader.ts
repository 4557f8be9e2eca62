import type { Command } from 'commander';
import { startLoader } from '@cowrieprocessor/reference-deploy';
import { dbTarget } from '../context.js';
import type { CliIo } from '../io.js';
import { parseInterval } from './load-delta.js';
import { intFlag } from './service-signals.js';

interface LoaderOptions {
  db?: string;
  interval: number;
  once?: boolean;
  sensor?: string;
  batchSize?: number;
  port: number;
  host: string;
  health: boolean;
}

/**
 * `cowrie loader <dir…> [--interval 15m] [--once]`: delta-load a sensor's logs into the central
 * database on a schedule, with `/healthz`, `/readyz` and `/metrics` on `--port` (default 8083).
 * `--once` runs one load and exits (2 when a file failed).
 *
 * @example
 * ```ts
 * registerLoader(program, processIo(), (code) => (process.exitCode = code));
 * ```
 */
export function registerLoader(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program.command('loader')
    .description('delta-load a log directory on an interval, with health and metrics (env COWRIE_DB)')
    .argument('<inputs...>', 'directories, files or globs')
    .option('--db <target>', 'database (env COWRIE_DB; default ./cowrie.sqlite)')
    .option('--interval <duration>', 'time between loads (30s, 15m, 1h)', parseInterval, 15 * 60_000)
    .option('--once', 'load once and exit')
    .option('--sensor <name>', 'sensor for events that name none')
    .option('--batch-size <n>', 'records per transaction', intFlag('--batch-size', 1))
    .option('--port <n>', 'health and metrics port (0 picks one)', intFlag('--port'), Number(io.env.COWRIE_LOADER_PORT ?? 8083))
    .option('--host <addr>', 'address to bind the health server', '127.0.0.1')
    .option('--no-health', 'no health/metrics server')
    .action(async (inputs: string[], opts: LoaderOptions) => {
      const loader = await startLoader({
        inputs, db: dbTarget(io, opts), intervalMs: opts.interval, once: opts.once === true,
        sensor: opts.sensor, batchSize: opts.batchSize, port: opts.health ? opts.port : null, host: opts.host,
      });
      if (loader.url) io.stderr.write(`cowrie: loader health on ${loader.url}\n`);
      const stop = () => void loader.stop();
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      const r = await loader.done;
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      setExit(opts.once && r.failedRuns > 0 ? 2 : 0);
    });
}
