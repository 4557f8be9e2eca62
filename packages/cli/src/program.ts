import { Command, CommanderError } from 'commander';
import { registerDbMigrate } from './commands/db-migrate.js';
import { registerDlqList } from './commands/dlq-list.js';
import { registerLoadBulk } from './commands/load-bulk.js';
import { registerLoadDelta } from './commands/load-delta.js';
import { registerReportSummary } from './commands/report-summary.js';
import { registerSessionsShow } from './commands/sessions-show.js';
import { EXIT, processIo, type CliIo } from './io.js';
import { reportError } from './output.js';
import { VERSION } from './version.js';

/**
 * Run the `cowrie` command line with `argv` (without `node` and the script) and return the exit
 * code: 0 success, 1 nothing found, 2 any error (usage errors included).
 *
 * @example
 * ```ts
 * const code = await runCli(['report', 'summary', '--json', '--db', 'cowrie.sqlite']);
 * ```
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const setExit = (c: number) => {
    code = c;
  };
  const program = new Command('cowrie')
    .description('Turn Cowrie honeypot logs into a queryable threat-intelligence database.')
    .version(VERSION, '-V, --version')
;
  // Commander prints "error: …" itself; we make that the conventions' one line ("cowrie: …").
  const output = {
    writeOut: (s: string) => io.stdout.write(s),
    writeErr: (s: string) => io.stderr.write(s),
    outputError: (s: string, write: (s: string) => void) => write(`cowrie: ${s.replace(/^error: /, '').trimEnd()} (see --help)\n`),
  };
  const mark = (cmd: Command) => cmd.exitOverride().configureOutput(output);
  mark(program);
  const db = mark(program.command('db').description('database schema'));
  const load = mark(program.command('load').description('load Cowrie JSON logs'));
  const report = mark(program.command('report').description('reports over the stored data'));
  const sessions = mark(program.command('sessions').description('look at sessions'));
  const dlq = mark(program.command('dlq').description('dead letters (records that could not be stored as events)'));
  registerDbMigrate(db, io, setExit);
  registerLoadBulk(load, io, setExit);
  registerLoadDelta(load, io, setExit);
  registerReportSummary(report, io, setExit);
  registerSessionsShow(sessions, io, setExit);
  registerDlqList(dlq, io, setExit);
  for (const group of [db, load, report, sessions, dlq]) for (const c of group.commands) mark(c);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // An explicit --help or --version ends with 0; help shown because a subcommand is missing,
      // and everything else the parser rejects, is a usage error.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
      return EXIT.error;
    }
    return reportError(io, err);
  }
}
