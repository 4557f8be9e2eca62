/**
 * The job types and the queues named after them. `ping` is a tiny job (it only reports progress)
 * for health checks and the end-to-end benchmark; the others run the packages' real work.
 */
export const JOB_TYPES = ['load', 'enrichment', 'snowshoe', 'botnet', 'longtail', 'report', 'ping'] as const;

/** One of {@link JOB_TYPES}; also the name of the queue its jobs wait in. */
export type JobType = (typeof JOB_TYPES)[number];

/** Default `timeoutSeconds` per job type (overridable per job at submission). */
export const DEFAULT_TIMEOUT_SECONDS: Readonly<Record<JobType, number>> = {
  load: 3600,
  enrichment: 3600,
  snowshoe: 1800,
  botnet: 1800,
  longtail: 3600,
  report: 600,
  ping: 60,
};

/** Default attempts per job type: detection and loads are retried, a ping is not. */
export const DEFAULT_ATTEMPTS: Readonly<Record<JobType, number>> = {
  load: 3, enrichment: 3, snowshoe: 2, botnet: 2, longtail: 2, report: 2, ping: 1,
};

/** Job priority bounds of the conventions: 1 is the highest, 10 the lowest, 5 the default. */
export const PRIORITY = { highest: 1, lowest: 10, default: 5 } as const;

/**
 * Whether `s` is a job type.
 *
 * @example
 * ```ts
 * isJobType('snowshoe'); // true
 * isJobType('mine-bitcoin'); // false
 * ```
 */
export function isJobType(s: string): s is JobType {
  return (JOB_TYPES as readonly string[]).includes(s);
}
