import { z } from 'zod';
import type { JobType } from './job-types.js';

// ISO-8601 with an explicit date; an offset-less time means UTC (conventions, "Values").
const iso = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(s) || s.length <= 10 ? s : s + 'Z')), {
  message: 'expected an ISO-8601 timestamp such as 2024-05-01T00:00:00Z',
});

const windowShape = {
  /** Inclusive start of the half-open window `[since, until)`. */
  since: iso.optional(),
  /** Exclusive end of the window. */
  until: iso.optional(),
  /** Only this sensor. */
  sensor: z.string().min(1).max(200).optional(),
};

const ordered = (p: { since?: string; until?: string }) => !p.since || !p.until || Date.parse(p.since) < Date.parse(p.until);
const orderMessage = { message: 'since must be before until', path: ['until'] };

const detection = z.object({
  ...windowShape,
  /** Compute backend name of the detection package (`js`, `onnx-node`, …). */
  backend: z.string().min(1).max(50).optional(),
  /** Detector options, passed through (numbers, strings, booleans only). */
  options: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
}).strict().refine(ordered, orderMessage);

/** zod schema of each job type's `parameters`; unknown keys are refused. */
export const JOB_PARAMETER_SCHEMAS = {
  load: z.object({
    /** Files, directories or globs the workers can see. */
    paths: z.array(z.string().min(1).max(4096)).min(1).max(1000),
    sensor: z.string().min(1).max(200).optional(),
    /** Records per transaction (smaller = finer checkpoints). */
    batchSize: z.number().int().min(1).max(100_000).optional(),
  }).strict(),
  enrichment: z.object({
    ...windowShape,
    services: z.array(z.enum(['dshield', 'virustotal', 'urlhaus', 'spur', 'hibp'])).min(1).optional(),
    /** At most this many lookups in this job. */
    limit: z.number().int().min(1).max(1_000_000).optional(),
  }).strict().refine(ordered, orderMessage),
  snowshoe: detection,
  botnet: detection,
  longtail: detection,
  report: z.object({ ...windowShape, top: z.number().int().min(1).max(1000).optional() }).strict().refine(ordered, orderMessage),
  ping: z.object({
    /** Progress updates to send (0–100). */
    steps: z.number().int().min(0).max(100).optional(),
    /** Milliseconds to wait between steps (0–60 000). */
    delayMs: z.number().int().min(0).max(60_000).optional(),
    /** Fail with this message instead of completing (tests, alerting checks). */
    fail: z.string().max(500).optional(),
  }).strict(),
} satisfies Record<JobType, z.ZodType>;

/** Validated parameters of a job type. */
export type JobParameters<T extends JobType> = z.infer<(typeof JOB_PARAMETER_SCHEMAS)[T]>;
