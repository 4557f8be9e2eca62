import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { printJson, printLines } from '../output.js';
import { jobsClient } from './jobs-client.js';
import { intFlag } from './service-signals.js';

type View = Record<string, unknown> & { jobId: string; jobType: string; state: string; progressPercent: number; currentStep: string | null; createdAt: string };

const line = (j: View) => `${j.jobId}  ${j.jobType.padEnd(10)} ${j.state.padEnd(11)} ${String(j.progressPercent).padStart(5)}%  ${j.createdAt}${j.currentStep ? `  ${j.currentStep}` : ''}`;

/**
 * `cowrie jobs status <id>`, `cowrie jobs list [--state] [--type] [--limit]` and
 * `cowrie jobs cancel <id>`. `status` exits 2 for a failed or cancelled job.
 *
 * @example
 * ```ts
 * registerJobsStatus(jobs, processIo(), setExit);
 * ```
 */
export function registerJobsStatus(jobs: Command, io: CliIo, setExit: (code: number) => void): void {
  jobs.command('status')
    .description('show a job (exit 2 if it failed or was cancelled)')
    .argument('<id>', 'job id')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const j = await jobsClient(io).request<View>('GET', `/api/v1/jobs/${encodeURIComponent(id)}`);
      if (opts.json) printJson(io, j);
      else {
        const err = j.error as { code: string; message: string } | undefined;
        printLines(io, [line(j), ...(err ? [`  error: ${err.code}: ${err.message}`] : []), ...(j.result !== undefined ? [`  result: ${JSON.stringify(j.result).slice(0, 500)}`] : [])]);
      }
      setExit(j.state === 'failed' || j.state === 'cancelled' ? 2 : 0);
    });
  jobs.command('list')
    .description('list jobs, newest first')
    .option('--state <state>', 'queued, in_progress, completed, failed or cancelled')
    .option('--type <type>', 'job type')
    .option('--limit <n>', 'at most this many (default 50)', intFlag('--limit', 1))
    .option('--json', 'print JSON')
    .action(async (opts: { state?: string; type?: string; limit?: number; json?: boolean }) => {
      const q = new URLSearchParams();
      if (opts.state) q.set('state', opts.state);
      if (opts.type) q.set('type', opts.type);
      if (opts.limit) q.set('limit', String(opts.limit));
      const r = await jobsClient(io).request<{ jobs: View[] }>('GET', `/api/v1/jobs${q.size ? `?${q}` : ''}`);
      if (opts.json) printJson(io, r);
      else printLines(io, r.jobs.length === 0 ? ['no jobs'] : r.jobs.map(line));
      setExit(0);
    });
  jobs.command('cancel')
    .description('cancel a job: a queued one at once, a running one as soon as its handler stops')
    .argument('<id>', 'job id')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const j = await jobsClient(io).request<View>('POST', `/api/v1/jobs/${encodeURIComponent(id)}/cancel`);
      if (opts.json) printJson(io, j);
      else printLines(io, [j.state === 'cancelled' ? `job ${id} cancelled` : `job ${id}: cancel requested (now ${j.state})`]);
      setExit(0);
    });
}
