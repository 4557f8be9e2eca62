import type { Command } from 'commander';

/**
 * `--db` and `--json`, which every database command takes.
 *
 * @example
 * ```ts
 * addDbOptions(program.command('report').command('summary')).action((opts: DbOptions) => …);
 * ```
 */
export function addDbOptions(cmd: Command): Command {
  return cmd
    .option('--db <target>', 'database: a file path, sqlite:<path>, :memory:, or postgres://… (env COWRIE_DB; default ./cowrie.sqlite)')
    .option('--json', 'print one JSON object on stdout and nothing else there');
}

/**
 * `--since`, `--until`, `--sensor`: the window filters of reports and lists.
 *
 * @example
 * ```ts
 * addWindowOptions(addDbOptions(report.command('summary'))).action((opts) => parseWindow(opts.since, opts.until));
 * ```
 */
export function addWindowOptions(cmd: Command): Command {
  return cmd
    .option('--since <iso>', 'start of the window, inclusive: YYYY-MM-DD (its UTC midnight) or YYYY-MM-DDTHH:MM[:SS[.ffffff]] with an optional Z or ±HH:MM (UTC when none)')
    .option('--until <iso>', 'end of the window, exclusive (same forms as --since)')
    .option('--sensor <name>', 'only this sensor');
}

/**
 * A commander argument parser for a positive integer option; anything else is a usage error
 * naming the option.
 *
 * @example
 * ```ts
 * cmd.option('--limit <n>', 'at most this many', positiveInt('--limit'), 100);
 * positiveInt('--top')('0'); // throws: --top must be a positive integer, got "0"
 * ```
 */
export function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${v}"`);
    return n;
  };
}

/** Options both loaders take (`load bulk`, `load delta`). */
export function addLoadOptions(cmd: Command): Command {
  return cmd
    .option('--sensor <name>', 'sensor name for events that carry none')
    .option('--sensor-override <name>', 'replace the sensor name of every event')
    .option('--batch-size <n>', 'records per transaction (default: 10000 on SQLite, 5000 on PostgreSQL)', positiveInt('--batch-size'))
    .option('--max-record-bytes <n>', 'record size cap; larger records become dead letters', positiveInt('--max-record-bytes'))
    .option('--no-progress', 'no progress bar even on a terminal');
}
