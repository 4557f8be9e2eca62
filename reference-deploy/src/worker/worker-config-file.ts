/**
 * @module `worker-config.yaml`: per-worker settings of a hybrid fleet (native workers on machines
 * with an accelerator, containerised general ones), read by `cowrie worker --config … --name …`.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '@cowrieprocessor/core';
import { JOB_TYPES, type JobType } from '@cowrieprocessor/queue';
import { parse } from 'yaml';
import { z } from 'zod';

const preference = z.number().int().min(0).max(100);
const entry = z.object({
  name: z.string().min(1),
  profile: z.enum(['general', 'ml_accelerated', 'io_bound']).optional(),
  queues: z.union([z.string(), z.array(z.string())]).optional(),
  concurrency: z.number().int().min(1).max(1000).optional(),
  preferences: z.partialRecord(z.enum(JOB_TYPES), preference).optional(),
}).loose(); // deployment keys (runtime, command, image, replicas, env) are for people and tooling
const file = z.object({ workers: z.array(entry).min(1) });

/** What one entry of the file sets (flags given on the command line still win). */
export interface WorkerFileSettings {
  name: string;
  profile?: string;
  queues?: string;
  concurrency?: number;
  preferences: Partial<Record<JobType, number>>;
}

/**
 * Read the entry `name` of a worker-config file. A missing file, invalid YAML, a bad value (a
 * preference outside 0–100, an unknown queue) or an unknown name is a `UsageError` naming it.
 *
 * @example
 * ```ts
 * readWorkerConfigFile('worker-config.yaml', 'gpu-box-1');
 * // { name: 'gpu-box-1', profile: 'ml_accelerated', concurrency: 2, preferences: { snowshoe: 90, … } }
 * ```
 */
export function readWorkerConfigFile(path: string, name: string): WorkerFileSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError('WORKER_CONFIG_NOT_FOUND', `cannot read worker config ${path}: ${(err as Error).message}`, { file: path });
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new UsageError('WORKER_CONFIG_INVALID', `${path}: not valid YAML: ${(err as Error).message}`, { file: path });
  }
  const r = file.safeParse(doc);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new UsageError('WORKER_CONFIG_INVALID', `${path}: ${issue.path.join('.') || '(top)'}: ${issue.message}`, { file: path, field: issue.path.join('.') });
  }
  const found = r.data.workers.find((w) => w.name === name);
  if (!found) {
    throw new UsageError('WORKER_CONFIG_NO_ENTRY', `${path} has no worker named "${name}" (it has: ${r.data.workers.map((w) => w.name).join(', ')}); pass --name`, { file: path });
  }
  return {
    name: found.name,
    profile: found.profile,
    queues: Array.isArray(found.queues) ? found.queues.join(',') : found.queues,
    concurrency: found.concurrency,
    preferences: { ...found.preferences },
  };
}
