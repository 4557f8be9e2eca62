import type { Command } from 'commander';
import { LoadAbortedError, bulkLoad, type LoadResult } from '@cowrieprocessor/core';
import { withStore, type DbOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { printJson, printLines, printable } from '../output.js';
import { loadProgressBar } from '../progress.js';
import { addDbOptions, addLoadOptions } from './common-options.js';

interface LoadBulkOptions extends DbOptions {
  sensor?: string;
  sensorOverride?: string;
  batchSize?: number;
  maxRecordBytes?: number;
  progress?: boolean;
}

/**
 * Register `cowrie load bulk <paths|dirs|globs…>` on the `load` command group.
 *
 * @example
 * ```ts
 * const load = program.command('load');
 * registerLoadBulk(load, processIo(), (code) => (process.exitCode = code));
 * ```
 */
export function registerLoadBulk(load: Command, io: CliIo, setExit: (code: number) => void): void {
  addLoadOptions(addDbOptions(
    load.command('bulk')
      .description('load whole files, directories, globs or - (stdin); plain, .gz or .bz2, any name')
      .argument('<inputs...>', 'files, directories, globs, or - for stdin'),
  ))
    .action(async (inputs: string[], opts: LoadBulkOptions) => {
      const bar = loadProgressBar(io, opts.progress !== false);
      let result: LoadResult;
      let aborted: LoadAbortedError | null = null;
      try {
        result = await withStore(io, opts, { access: 'write', command: 'load bulk' }, (store) =>
          bulkLoad(store, inputs, {
            sensor: opts.sensor, sensorOverride: opts.sensorOverride, batchSize: opts.batchSize, maxRecordBytes: opts.maxRecordBytes,
            onProgress: bar.update, stdin: io.stdin, cwd: io.cwd,
          }),
        );
      } catch (err) {
        if (!(err instanceof LoadAbortedError)) throw err;
        aborted = err;
        result = err.partial;
      } finally {
        bar.stop();
      }
      reportLoad(io, result, opts.json === true, aborted);
      setExit(result.failed.length > 0 || aborted ? 2 : 0);
    });
}

/**
 * Human summary of a load, one line per fact.
 *
 * @example
 * ```ts
 * console.log(describeLoad(await bulkLoad(store, ['cowrie.json'])).join('\n'));
 * ```
 */
export function describeLoad(r: LoadResult): string[] {
  const lines = [
    `files ${r.files}, records ${r.records}: events stored ${r.events}, duplicates ${r.duplicates}, dead letters ${r.deadLetters}; sessions touched ${r.sessions}; ${r.seconds.toFixed(2)} s`,
  ];
  if (r.splitRecords > 0) lines.push(`${r.splitRecords} records were split off lines holding several JSON objects`);
  for (const s of r.skipped) lines.push(`skipped ${s.file}: ${s.reason}`);
  for (const w of r.warnings) lines.push(`warning: ${w.file}: ${printable(w.message)}`);
  for (const p of r.pending) lines.push(`pending: ${p.file}: ${p.bytes} bytes at offset ${p.byteOffset} (an unfinished last line, read next run)`);
  for (const d of r.deadLetterSamples.slice(0, 5)) lines.push(`dead letter ${d.file}:${d.line} [${d.reason}] ${printable(d.message)}`);
  if (r.deadLetters > 0) lines.push(`${r.deadLetters > 5 ? 'all of them' : 'see them'} with: cowrie dlq list`);
  return lines;
}

/**
 * Print a load result (`--json`: one object, with `error` when the load was aborted) and one
 * stderr line per failed file or abort. Shared by `load bulk` and `load delta`.
 *
 * @example
 * ```ts
 * reportLoad(processIo(), result, true, null); // {"files":1,"records":…}
 * ```
 */
export function reportLoad(io: CliIo, result: LoadResult, json: boolean, aborted: Error | null): void {
  if (json) printJson(io, aborted ? { ...result, error: { code: 'LOAD_ABORTED', message: aborted.message } } : result);
  else printLines(io, describeLoad(result));
  for (const f of result.failed) {
    // Input errors already start with the file name; do not print it twice.
    const msg = f.error.startsWith(f.file) ? f.error : `${f.file}${f.line ? `:${f.line}` : ''}: ${f.error}`;
    io.stderr.write(`cowrie: ${printable(msg)}\n`);
  }
  if (aborted) io.stderr.write(`cowrie: ${printable(aborted.message)}\n`);
}
