import { UsageError } from '@cowrieprocessor/core';
import { JOB_TYPES, isJobType, type JobType } from '../jobs/job-types.js';

/** Worker profiles of the conventions and the queues each consumes. */
export const WORKER_PROFILES = {
  general: [...JOB_TYPES],
  ml_accelerated: ['snowshoe', 'botnet', 'longtail'],
  io_bound: ['enrichment', 'load', 'report', 'ping'],
} as const satisfies Record<string, readonly JobType[]>;

/** A profile name. */
export type WorkerProfile = keyof typeof WORKER_PROFILES;

/**
 * The queues a worker consumes: `--queues a,b` when given (validated), else its profile's.
 *
 * @example
 * ```ts
 * resolveQueues('ml_accelerated'); // ['snowshoe', 'botnet', 'longtail']
 * resolveQueues('general', 'load,report'); // ['load', 'report']
 * ```
 */
export function resolveQueues(profile: string, queues?: string | string[]): JobType[] {
  if (!(profile in WORKER_PROFILES)) {
    throw new UsageError('WORKER_PROFILE_UNKNOWN', `unknown worker profile "${profile}"; expected one of ${Object.keys(WORKER_PROFILES).join(', ')}`);
  }
  if (queues === undefined || queues.length === 0) return [...WORKER_PROFILES[profile as WorkerProfile]];
  const list = (Array.isArray(queues) ? queues : queues.split(',')).map((q) => q.trim()).filter(Boolean);
  const bad = list.filter((q) => !isJobType(q));
  if (bad.length > 0) throw new UsageError('WORKER_QUEUE_UNKNOWN', `unknown queue ${bad.map((b) => `"${b}"`).join(', ')}; expected some of ${JOB_TYPES.join(', ')}`);
  return [...new Set(list)] as JobType[];
}
