import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { printJson } from '../output.js';
import { jobsClient, parseParam } from './jobs-client.js';
import { reportFinal, watchJob } from './jobs-watch.js';
import { intFlag } from './service-signals.js';

interface SubmitOptions {
  param: string[];
  priority?: number;
  timeout?: number;
  watch?: boolean;
  json?: boolean;
}

/**
 * `cowrie jobs submit <type> [--param k=v …] [--priority 1-10] [--timeout s] [--watch]`.
 *
 * @example
 * ```ts
 * registerJobsSubmit(jobs, processIo(), setExit);
 * ```
 */
export function registerJobsSubmit(jobs: Command, io: CliIo, setExit: (code: number) => void): void {
  jobs.command('submit')
    .description('submit a job (load, enrichment, snowshoe, botnet, longtail, report, ping)')
    .argument('<type>', 'job type')
    .option('--param <k=v>', 'a parameter (repeatable; JSON values such as 5 or true are parsed; paths=a,b is a list)', (v: string, acc: string[]) => [...acc, v], [])
    .option('--priority <n>', '1 (highest) to 10 (lowest), default 5', intFlag('--priority', 1))
    .option('--timeout <seconds>', 'timeout of this job', intFlag('--timeout', 1))
    .option('--watch', 'follow its progress until it ends (exit 2 if it failed or was cancelled)')
    .option('--json', 'print JSON')
    .action(async (type: string, opts: SubmitOptions) => {
      const client = jobsClient(io);
      const parameters = Object.fromEntries(opts.param.map(parseParam));
      const body = { jobType: type, parameters, ...(opts.priority !== undefined ? { priority: opts.priority } : {}), ...(opts.timeout !== undefined ? { timeoutSeconds: opts.timeout } : {}) };
      const { jobId } = await client.request<{ jobId: string }>('POST', '/api/v1/jobs', body);
      if (!opts.watch) {
        if (opts.json) printJson(io, { jobId });
        else io.stdout.write(`${jobId}\n`);
        return setExit(0);
      }
      if (!opts.json) io.stderr.write(`cowrie: submitted ${jobId}\n`);
      const final = await watchJob(io, client, jobId);
      reportFinal(io, final, opts.json === true);
      setExit(final.state === 'completed' ? 0 : 2);
    });
}
