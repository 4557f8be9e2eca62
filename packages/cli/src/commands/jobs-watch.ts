import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { printJson } from '../output.js';
import { jobsClient, type JobsClient } from './jobs-client.js';

/**
 * Follow a job's event stream to its end with a progress bar on a TTY (a line per change
 * otherwise); returns the final status. Exit code 2 when it failed or was cancelled.
 *
 * @example
 * ```ts
 * const final = await watchJob(io, client, jobId);
 * ```
 */
export async function watchJob(io: CliIo, client: JobsClient, jobId: string, quiet = false): Promise<Record<string, unknown>> {
  let last: Record<string, unknown> = {};
  const tty = io.stderr.isTTY === true && !quiet;
  const bar = tty ? new cliProgress.SingleBar({ stream: io.stderr, format: '{bar} {percentage}% | {state} | {step}', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
  bar?.start(100, 0, { state: 'queued', step: '' });
  try {
    await client.events(jobId, (type, data) => {
      last = data;
      const pct = Number(data.progressPercent ?? 0);
      if (bar) bar.update(pct, { state: data.state, step: data.currentStep ?? '' });
      else if (!quiet) io.stderr.write(`${type}: ${data.state} ${pct}%${data.currentStep ? ` ${data.currentStep}` : ''}\n`);
    });
  } finally {
    bar?.stop();
  }
  if (last.state !== 'completed' && last.state !== 'failed' && last.state !== 'cancelled') {
    last = await client.request<Record<string, unknown>>('GET', `/api/v1/jobs/${encodeURIComponent(jobId)}`);
  }
  return last;
}

/**
 * `cowrie jobs watch <id>`: live progress until the job ends; exit 2 if it failed or was cancelled.
 *
 * @example
 * ```ts
 * registerJobsWatch(jobs, processIo(), setExit);
 * ```
 */
export function registerJobsWatch(jobs: Command, io: CliIo, setExit: (code: number) => void): void {
  jobs.command('watch')
    .description('follow a job\'s progress (server-sent events) until it ends; exit 2 if it failed or was cancelled')
    .argument('<id>', 'job id')
    .option('--json', 'print the final status as JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const final = await watchJob(io, jobsClient(io), id);
      reportFinal(io, final, opts.json === true);
      setExit(final.state === 'completed' ? 0 : 2);
    });
}

/**
 * Print a finished job: JSON, or one line (and its error on stderr).
 *
 * @example
 * ```ts
 * reportFinal(io, { jobId: 'j', state: 'completed' }, false);
 * ```
 */
export function reportFinal(io: CliIo, s: Record<string, unknown>, json: boolean): void {
  if (json) return printJson(io, s);
  io.stdout.write(`job ${String(s.jobId)} ${String(s.state)}\n`);
  const err = s.error as { code?: string; message?: string } | undefined;
  if (err) io.stderr.write(`cowrie: job ${String(s.state)}: ${err.message ?? ''} (${err.code ?? ''})\n`);
}
