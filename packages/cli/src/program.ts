import { Command, CommanderError } from 'commander';
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
  const group = (name: string, description: string) => mark(program.command(name).description(description));
  const groups = {
    db: group('db', 'database schema'),
    load: group('load', 'load Cowrie JSON logs'),
    report: group('report', 'reports over the stored data'),
    sessions: group('sessions', 'look at sessions'),
    detect: group('detect', 'find snowshoe campaigns, botnets and the long tail (exit 1 when nothing is found)'),
    dlq: group('dlq', 'dead letters (records that could not be stored as events)'),
    import: group('import', 'bring data over from other tools'),
    serve: group('serve', 'run a service (statistics API)'),
    enrich: group('enrich', 'threat-intelligence enrichment: DShield, VirusTotal, URLhaus, SPUR, HIBP'),
    jobs: group('jobs', 'submit, watch, list and cancel jobs on the coordinator (env COWRIE_COORDINATOR_URL, COWRIE_API_KEY)'),
  };
  // Each group's commands are imported only when that group runs: a `cowrie load` need not load
  // the queue, the web server or ONNX runtimes. Help and unknown commands load everything.
  type Register = (parent: Command, io: CliIo, setExit: (code: number) => void) => void;
  const on = (parent: Command, ...regs: Register[]) => {
    const before = new Set(parent.commands);
    for (const r of regs) r(parent, io, setExit);
    for (const c of parent.commands) if (!before.has(c)) mark(c);
  };
  const loaders: Record<string, () => Promise<void>> = {
    db: async () => on(groups.db, (await import('./commands/db-migrate.js')).registerDbMigrate),
    load: async () => on(groups.load, (await import('./commands/load-bulk.js')).registerLoadBulk, (await import('./commands/load-delta.js')).registerLoadDelta),
    report: async () => on(groups.report, (await import('./commands/report-summary.js')).registerReportSummary),
    sessions: async () => on(groups.sessions, (await import('./commands/sessions-show.js')).registerSessionsShow),
    dlq: async () => on(groups.dlq, (await import('./commands/dlq-list.js')).registerDlqList),
    import: async () => on(groups.import, (await import('./commands/import-predecessor.js')).registerImportPredecessor),
    detect: async () => on(groups.detect, (await import('./commands/detect-snowshoe.js')).registerDetectSnowshoe,
      (await import('./commands/detect-botnet.js')).registerDetectBotnet, (await import('./commands/detect-longtail.js')).registerDetectLongtail),
    serve: async () => on(groups.serve, (await import('./commands/serve-api.js')).registerServeApi),
    enrich: async () => {
      on(groups.enrich, (await import('./commands/enrich-refresh.js')).registerEnrichRefresh, (await import('./commands/enrich-status.js')).registerEnrichStatus);
      on(mark(groups.enrich.command('cache').description('the enrichment cache (disk, SQL, hybrid)')), (await import('./commands/enrich-cache-migrate.js')).registerEnrichCacheMigrate);
    },
    jobs: async () => on(groups.jobs, (await import('./commands/jobs-submit.js')).registerJobsSubmit,
      (await import('./commands/jobs-status.js')).registerJobsStatus, (await import('./commands/jobs-watch.js')).registerJobsWatch),
    // Services are top-level commands.
    coordinator: async () => on(program, (await import('./commands/coordinator.js')).registerCoordinator),
    worker: async () => on(program, (await import('./commands/worker.js')).registerWorker),
    loader: async () => on(program, (await import('./commands/loader.js')).registerLoader),
    mcp: async () => on(program, (await import('./commands/mcp.js')).registerMcp),
  };
  const first = argv.find((a) => !a.startsWith('-'));
  const only = first !== undefined && first !== 'help' ? loaders[first] : undefined;
  const versionOnly = first === undefined && (argv.includes('-V') || argv.includes('--version'));
  if (only) await only();
  else if (!versionOnly) for (const load of Object.values(loaders)) await load();

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
