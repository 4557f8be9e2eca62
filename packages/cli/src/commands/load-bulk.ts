import type { Command } from 'commander';
import { bulkLoad, type LoadResult } from '@cowrieprocessor/core';
import { withStore, type DbOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { printJson, printLines } from '../output.js';
import { loadProgressBar } from '../progress.js';
import { addDbOptions, positiveInt } from './common-options.js';

interface LoadBulkOptions extends DbOptions {
  sensor?: string;
  sensorOverride?: string;
  batchSize?: number;
  maxRecordBytes?: number;
  progress?: boolean;
}

/** `cowrie load bulk <paths|dirs|globs…>`. */
export function registerLoadBulk(load: Command, io: CliIo, setExit: (code: number) => void): void {
  addDbOptions(
    load.command('bulk')
      .description('load whole files, directories, globs or - (stdin); plain, .gz or .bz2, any name')
      .argument('<inputs...>', 'files, directories, globs, or - for stdin'),
  )
    .option('--sensor <name>', 'sensor name for events that carry none')
    .option('--sensor-override <name>', 'replace the sensor name of every event')
    .option('--batch-size <n>', 'records per transaction', positiveInt('--batch-size'), 2000)
    .option('--max-record-bytes <n>', 'record size cap; larger records become dead letters', positiveInt('--max-record-bytes'))
    .option('--no-progress', 'no progress bar even on a terminal')
    .action(async (inputs: string[], opts: LoadBulkOptions) => {
      const bar = loadProgressBar(io, opts.progress !== false);
      let result: LoadResult;
      try {
        result = await withStore(io, opts, { access: 'write', command: 'load bulk' }, (store) =>
          bulkLoad(store, inputs, {
            sensor: opts.sensor, sensorOverride: opts.sensorOverride, batchSize: opts.batchSize, maxRecordBytes: opts.maxRecordBytes,
            onProgress: bar.update, stdin: io.stdin, cwd: io.cwd,
          }),
        );
      } finally {
        bar.stop();
      }
      if (opts.json) printJson(io, result);
      else printLines(io, describeLoad(result));
      for (const f of result.failed) io.stderr.write(`cowrie: ${f.file}${f.line ? `:${f.line}` : ''}: ${f.error}\n`);
      setExit(result.failed.length > 0 ? 2 : 0);
    });
}

/** Human summary of a load. */
export function describeLoad(r: LoadResult): string[] {
  const lines = [
    `files ${r.files}, records ${r.records}: events stored ${r.events}, duplicates ${r.duplicates}, dead letters ${r.deadLetters}; sessions touched ${r.sessions}; ${r.seconds.toFixed(2)} s`,
  ];
  if (r.splitRecords > 0) lines.push(`${r.splitRecords} records were split off lines holding several JSON objects`);
  for (const s of r.skipped) lines.push(`skipped ${s.file}: ${s.reason}`);
  for (const d of r.deadLetterSamples.slice(0, 5)) lines.push(`dead letter ${d.file}:${d.line} [${d.reason}] ${d.message}`);
  if (r.deadLetters > 0) lines.push(`${r.deadLetters > 5 ? 'all of them' : 'see them'} with: cowrie dlq list`);
  return lines;
}
