import type { Command } from 'commander';
import { resolveCoordinatorConfig, startCoordinator } from '@cowrieprocessor/reference-deploy';
import type { CliIo } from '../io.js';
import { intFlag, untilSignal } from './service-signals.js';

interface CoordinatorOptions {
  port?: number;
  host?: string;
  queue?: string;
  db?: string;
  concurrency?: number;
  insecureNoAuth?: boolean;
  logLevel?: string;
}

/**
 * `cowrie coordinator [--port 8082]`: the job API (submit, read, list, cancel, events, workers)
 * over the queue engine of `COWRIE_QUEUE`; with `embedded` it runs the jobs itself. Refuses to
 * start without `COWRIE_API_KEYS` unless `--insecure-no-auth`. Stops on SIGTERM/SIGINT.
 *
 * @example
 * ```ts
 * registerCoordinator(program, processIo(), (code) => (process.exitCode = code));
 * ```
 */
export function registerCoordinator(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program.command('coordinator')
    .description('serve the job API on port 8082 (env COWRIE_QUEUE, COWRIE_API_KEYS, COWRIE_DB)')
    .option('--port <n>', 'port (0 picks a free one; default 8082, env COWRIE_COORDINATOR_PORT)', intFlag('--port'))
    .option('--host <addr>', 'address to bind (default 127.0.0.1; 0.0.0.0 in a container)')
    .option('--queue <spec>', 'queue engine: postgres://…, redis://… or embedded (env COWRIE_QUEUE; default embedded)')
    .option('--db <target>', 'database for jobs run in-process with the embedded engine (env COWRIE_DB)')
    .option('--concurrency <n>', 'jobs at once per queue when running them in-process (embedded)', intFlag('--concurrency', 1))
    .option('--insecure-no-auth', 'accept requests without an API key (trusted machines only)')
    .option('--log-level <level>', 'debug, info, warn, error or silent (env COWRIE_LOG_LEVEL)')
    .action(async (opts: CoordinatorOptions) => {
      const config = resolveCoordinatorConfig(opts, io.env);
      const c = await startCoordinator(config);
      io.stderr.write(`cowrie: coordinator on ${c.url} (queue: ${c.engine.kind})\n`);
      await untilSignal();
      await c.close();
      setExit(0);
    });
}
