import type { Command } from 'commander';
import { hostname } from 'node:os';
import { parsePreferences, readWorkerConfigFile, startWorker } from '@cowrieprocessor/reference-deploy';
import { dbTarget } from '../context.js';
import type { CliIo } from '../io.js';
import { intFlag, untilSignal } from './service-signals.js';

interface WorkerOptions {
  queue?: string;
  db?: string;
  profile: string;
  queues?: string;
  concurrency: number;
  prefer?: string;
  id?: string;
  heartbeat?: number;
  lockDuration?: number;
  stalledInterval?: number;
  grace: number;
  config?: string;
  name?: string;
}

/**
 * `cowrie worker [--queues …] [--profile …] [--concurrency N]`: run jobs from the shared queue
 * (`COWRIE_QUEUE`, PostgreSQL or Redis) against `COWRIE_DB`. SIGTERM: finish running jobs within
 * `--grace`, hand the rest back to the queue, leave the registry.
 *
 * @example
 * ```ts
 * registerWorker(program, processIo(), (code) => (process.exitCode = code));
 * ```
 */
export function registerWorker(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program.command('worker')
    .description('run jobs from the shared queue (env COWRIE_QUEUE, COWRIE_DB)')
    .option('--queue <spec>', 'queue engine: postgres://… or redis://… (env COWRIE_QUEUE)')
    .option('--db <target>', 'database the jobs work on (env COWRIE_DB; default ./cowrie.sqlite)')
    .option('--profile <name>', 'general, ml_accelerated or io_bound (env COWRIE_WORKER_PROFILE)', io.env.COWRIE_WORKER_PROFILE ?? 'general')
    .option('--queues <list>', 'comma-separated queues, overriding the profile (env COWRIE_WORKER_QUEUES)', io.env.COWRIE_WORKER_QUEUES)
    .option('--concurrency <n>', 'jobs at once per queue (env COWRIE_WORKER_CONCURRENCY)', intFlag('--concurrency', 1), Number(io.env.COWRIE_WORKER_CONCURRENCY ?? 2))
    .option('--prefer <list>', 'preference per queue 0–100, higher preferred, e.g. snowshoe=100,report=10 (env COWRIE_WORKER_PREFERENCES)', io.env.COWRIE_WORKER_PREFERENCES)
    .option('--config <file>', 'worker-config.yaml: profile, queues, concurrency and preferences of the entry --name (env COWRIE_WORKER_CONFIG); flags win over it', io.env.COWRIE_WORKER_CONFIG)
    .option('--name <entry>', 'which worker of --config this is (env COWRIE_WORKER_NAME; default --id, else the host name)', io.env.COWRIE_WORKER_NAME)
    .option('--id <name>', 'worker id in the registry (default host-pid-random)')
    .option('--heartbeat <ms>', 'heartbeat interval in ms (default 5000)', intFlag('--heartbeat', 100))
    .option('--lock-duration <ms>', 'job lock duration in ms: a dead worker\'s job is taken over after about this (default 20000)', intFlag('--lock-duration', 1000))
    .option('--stalled-interval <ms>', 'how often to look for stalled jobs, in ms (default 15000)', intFlag('--stalled-interval', 500))
    .option('--grace <ms>', 'on SIGTERM, how long running jobs may finish before they are handed back', intFlag('--grace'), 25_000)
    .action(async (opts: WorkerOptions, cmd: Command) => {
      // Precedence: flags and their env variables > the worker-config entry > defaults.
      // (Their env variables arrive as commander defaults, so "given" means: on the command line, or set in the env.)
      const ENV: Record<string, string> = { profile: 'COWRIE_WORKER_PROFILE', queues: 'COWRIE_WORKER_QUEUES', concurrency: 'COWRIE_WORKER_CONCURRENCY', prefer: 'COWRIE_WORKER_PREFERENCES' };
      const given = (key: string) => cmd.getOptionValueSource(key) === 'cli' || Boolean(io.env[ENV[key]!]);
      let preferences = parsePreferences(opts.prefer);
      if (opts.config) {
        const file = readWorkerConfigFile(opts.config, opts.name ?? opts.id ?? hostname());
        if (!given('profile') && file.profile) opts.profile = file.profile;
        if (!given('queues') && file.queues) opts.queues = file.queues;
        if (!given('concurrency') && file.concurrency) opts.concurrency = file.concurrency;
        if (!given('prefer')) preferences = file.preferences;
        opts.id ??= file.name;
      }
      const t = dbTarget(io, opts);
      const db = t.kind === 'sqlite' ? t.path : (opts.db?.trim() || io.env.COWRIE_DB!.trim());
      // Detection threads open their own store from the environment.
      process.env.COWRIE_DB = db;
      const svc = await startWorker({
        queue: opts.queue ?? io.env.COWRIE_QUEUE ?? 'embedded', db, profile: opts.profile, queues: opts.queues, concurrency: opts.concurrency,
        preferences, workerId: opts.id, heartbeatMs: opts.heartbeat,
        lockDurationMs: opts.lockDuration, stalledIntervalMs: opts.stalledInterval,
      });
      await untilSignal();
      await svc.stop(opts.grace);
      setExit(0);
    });
}
