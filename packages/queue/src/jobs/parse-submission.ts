import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { JobValidationError } from '../errors.js';
import { JOB_PARAMETER_SCHEMAS } from './job-schemas.js';
import { DEFAULT_ATTEMPTS, DEFAULT_TIMEOUT_SECONDS, JOB_TYPES, PRIORITY, isJobType } from './job-types.js';
import { isoMicros, type JobSpec } from './job-status.js';

const envelope = z.object({
  jobType: z.string(),
  parameters: z.record(z.string(), z.unknown()).default({}),
  priority: z.number().int().min(PRIORITY.highest).max(PRIORITY.lowest).optional(),
  timeoutSeconds: z.number().int().min(1).max(7 * 24 * 3600).optional(),
  attempts: z.number().int().min(1).max(20).optional(),
  backoffMs: z.number().int().min(0).max(3_600_000).optional(),
  requirements: z.object({
    minCpuCores: z.number().int().min(1).optional(),
    minMemoryGb: z.number().min(0).optional(),
    accelerator: z.array(z.string().min(1)).min(1).optional(),
    backends: z.array(z.string().min(1)).min(1).optional(),
  }).strict().optional(),
}).strict();

/**
 * Validate a submission (`{ jobType, parameters, priority?, timeoutSeconds? }`, plus optional
 * `attempts`, `backoffMs`, `requirements`) and fill the defaults. A bad job is refused here,
 * before it reaches a queue, with every problem listed in `details.issues`.
 *
 * @example
 * ```ts
 * const spec = parseSubmission({ jobType: 'snowshoe', parameters: { since: '2024-05-01T00:00:00Z' } });
 * spec.priority; // 5
 * ```
 */
export function parseSubmission(body: unknown): JobSpec {
  const env = envelope.safeParse(body);
  if (!env.success) throw invalid('invalid job submission', env.error);
  const { jobType } = env.data;
  if (!isJobType(jobType)) {
    throw new JobValidationError('JOB_TYPE_UNKNOWN', `unknown job type "${jobType}"; expected one of ${JOB_TYPES.join(', ')}`, { jobType, jobTypes: [...JOB_TYPES] });
  }
  const params = JOB_PARAMETER_SCHEMAS[jobType].safeParse(env.data.parameters);
  if (!params.success) throw invalid(`invalid parameters for a ${jobType} job`, params.error, 'parameters');
  return {
    jobId: randomUUID(),
    jobType,
    parameters: params.data as Record<string, unknown>,
    priority: env.data.priority ?? PRIORITY.default,
    createdAt: isoMicros(),
    timeoutSeconds: env.data.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS[jobType],
    attempts: env.data.attempts ?? DEFAULT_ATTEMPTS[jobType],
    backoffMs: env.data.backoffMs ?? 1000,
    ...(env.data.requirements ? { requirements: env.data.requirements } : {}),
  };
}

function invalid(message: string, err: z.ZodError, prefix?: string): JobValidationError {
  const issues = err.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message }));
  const first = issues[0];
  return new JobValidationError('JOB_INVALID', first ? `${message}: ${first.path ? first.path + ': ' : ''}${first.message}` : message, { issues });
}
