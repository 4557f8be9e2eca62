import type { Command } from 'commander';

/** `--db` and `--json`, which every database command takes. */
export function addDbOptions(cmd: Command): Command {
  return cmd
    .option('--db <target>', 'database: a file path, sqlite:<path>, :memory:, or postgres://… (env COWRIE_DB; default ./cowrie.sqlite)')
    .option('--json', 'print one JSON object on stdout and nothing else there');
}

/** `--since`, `--until`, `--sensor`: the window filters of reports and lists. */
export function addWindowOptions(cmd: Command): Command {
  return cmd
    .option('--since <iso>', 'start of the window, inclusive (ISO-8601; a date means its UTC midnight)')
    .option('--until <iso>', 'end of the window, exclusive')
    .option('--sensor <name>', 'only this sensor');
}

/** Parse a positive integer option. */
export function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${v}"`);
    return n;
  };
}
