import type { Command } from 'commander';
import { LoadAbortedError, deltaLoad, type LoadResult } from '@cowrieprocessor/core';
import { withStore, type DbOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { loadProgressBar } from '../progress.js';
import { addDbOptions, addLoadOptions } from './common-options.js';
import { reportLoad } from './load-bulk.js';

interface LoadDeltaOptions extends DbOptions {
  sensor?: string;
  sensorOverride?: string;
  batchSize?: number;
  maxRecordBytes?: number;
  progress?: boolean;
  watch?: boolean;
  interval: number;
}

/**
 * Parse `30s`, `15m`, `1h` or plain seconds into milliseconds.
 *
 * @example
 * ```ts
 * parseInterval('15m'); // 900000
 * ```
 */
export function parseInterval(v: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(v.trim());
  if (!m) throw new Error(`--interval: expected a duration such as 30s, 15m or 1h, got "${v}"`);
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  const ms = unit === 'ms' ? n : unit === 's' ? n * 1000 : unit === 'm' ? n * 60_000 : n * 3_600_000;
  if (ms < 100) throw new Error(`--interval: at least 100ms, got "${v}"`);
  return ms;
}

/**
 * `cowrie load delta <paths…> [--watch [--interval 15m]]`: load what is new since the last run;
 * with `--watch`, keep following the files (one result per run; `--json` prints one JSON object
 * per line). SIGINT/SIGTERM stop after the batch being written.
 *
 * @example
 * ```ts
 * registerLoadDelta(program.command('load'), processIo(), (code) => (process.exitCode = code));
 * ```
 */
export function registerLoadDelta(load: Command, io: CliIo, setExit: (code: number) => void): void {
  addLoadOptions(addDbOptions(
    load.command('delta')
      .description('load what is new in live and rotated Cowrie logs since the last run (cursors per file, rotation and truncation aware)')
      .argument('<inputs...>', 'files, directories or globs'),
  ))
    .option('--watch', 'keep following the files')
    .option('--interval <duration>', 'time between runs with --watch (e.g. 30s, 15m, 1h)', parseInterval, 15 * 60_000)
    .action(async (inputs: string[], opts: LoadDeltaOptions) => {
      const stop = new AbortController();
      const onSignal = () => stop.abort(new Error('stopped by signal'));
      if (opts.watch) {
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
      }
      let code = 0;
      try {
        await withStore(io, opts, { access: 'write', command: 'load delta' }, async (store) => {
          do {
            const bar = loadProgressBar(io, opts.progress !== false && !opts.watch);
            let result: LoadResult;
            let aborted: LoadAbortedError | null = null;
            try {
              result = await deltaLoad(store, inputs, {
                sensor: opts.sensor, sensorOverride: opts.sensorOverride, batchSize: opts.batchSize,
                maxRecordBytes: opts.maxRecordBytes, onProgress: bar.update, cwd: io.cwd, signal: stop.signal,
              });
            } catch (err) {
              if (!(err instanceof LoadAbortedError)) throw err;
              aborted = stop.signal.aborted ? null : err;
              result = err.partial;
            } finally {
              bar.stop();
            }
            if (opts.watch && opts.json) io.stdout.write(JSON.stringify(result) + '\n');
            else reportLoad(io, result, opts.json === true, aborted);
            for (const w of result.warnings) io.stderr.write(`cowrie: warning: ${w.message}\n`);
            code = result.failed.length > 0 || aborted ? 2 : 0;
            if (!opts.watch || stop.signal.aborted) break;
            await sleep(opts.interval, stop.signal);
          } while (!stop.signal.aborted);
        });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      setExit(code);
    });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
