import { Command, CommanderError } from 'commander';
import { registerDbMigrate } from './commands/db-migrate.js';
import { registerDlqList } from './commands/dlq-list.js';
import { registerLoadBulk } from './commands/load-bulk.js';
import { registerLoadDelta } from './commands/load-delta.js';
import { registerImportPredecessor } from './commands/import-predecessor.js';
import { registerReportSummary } from './commands/report-summary.js';
import { registerSessionsShow } from './commands/sessions-show.js';
import { registerServeApi } from './commands/serve-api.js';
import { registerDetectBotnet } from './commands/detect-botnet.js';
import { registerDetectLongtail } from './commands/detect-longtail.js';
import { registerDetectSnowshoe } from './commands/detect-snowshoe.js';
import { registerEnrichRefresh } from './commands/enrich-refresh.js';
import { registerEnrichStatus } from './commands/enrich-status.js';
import { registerEnrichCacheMigrate } from './commands/enrich-cache-migrate.js';
import { registerCoordinator } from './commands/coordinator.js';
import { registerWorker } from './commands/worker.js';
import { registerLoader } from './commands/loader.js';
import { registerMcp } from './commands/mcp.js';
import { registerJobsSubmit } from './commands/jobs-submit.js';
import { registerJobsStatus } from './commands/jobs-status.js';
import { registerJobsWatch } from './commands/jobs-watch.js';
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
  const detect = mark(program.command('detect').description('find snowshoe campaigns, botnets and the long tail (exit 1 when nothing is found)'));
  const dlq = mark(program.command('dlq').description('dead letters (records that could not be stored as events)'));
  registerDbMigrate(db, io, setExit);
  registerLoadBulk(load, io, setExit);
  registerLoadDelta(load, io, setExit);
  registerReportSummary(report, io, setExit);
  registerSessionsShow(sessions, io, setExit);
  registerDetectSnowshoe(detect, io, setExit);
  registerDetectBotnet(detect, io, setExit);
  registerDetectLongtail(detect, io, setExit);
  registerDlqList(dlq, io, setExit);
  const importGroup = mark(program.command('import').description('bring data over from other tools'));
  registerImportPredecessor(importGroup, io, setExit);
  for (const c of importGroup.commands) mark(c);
  for (const group of [db, load, report, sessions, dlq, detect]) for (const c of group.commands) mark(c);
  const serve = mark(program.command('serve').description('run a service (statistics API)'));
  registerServeApi(serve, io, setExit);
  for (const c of serve.commands) mark(c);
  const enrich = mark(program.command('enrich').description('threat-intelligence enrichment: DShield, VirusTotal, URLhaus, SPUR, HIBP'));
  const enrichCache = mark(enrich.command('cache').description('the enrichment cache (disk, SQL, hybrid)'));
  registerEnrichRefresh(enrich, io, setExit);
  registerEnrichStatus(enrich, io, setExit);
  registerEnrichCacheMigrate(enrichCache, io, setExit);
  for (const group of [enrich, enrichCache]) for (const c of group.commands) mark(c);
  // Jobs: the coordinator, workers and loaders as services, and the `jobs` client commands.
  const services = [registerCoordinator, registerWorker, registerLoader, registerMcp].map((r) => {
    const before = program.commands.length;
    r(program, io, setExit);
    return program.commands.slice(before);
  }).flat();
  for (const c of services) mark(c);
  const jobs = mark(program.command('jobs').description('submit, watch, list and cancel jobs on the coordinator (env COWRIE_COORDINATOR_URL, COWRIE_API_KEY)'));
  registerJobsSubmit(jobs, io, setExit);
  registerJobsStatus(jobs, io, setExit);
  registerJobsWatch(jobs, io, setExit);
  for (const c of jobs.commands) mark(c);

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
