/**
 * @module Adapter between detection jobs and `@cowrieprocessor/detection`, which is written
 * alongside this code: each function it needs is looked up by name, and a missing one fails the
 * job with `DETECTOR_UNAVAILABLE` naming it (instead of breaking the worker's build). Runs inside
 * the detection thread. Idempotent per job: a run stored by an earlier attempt of the same job
 * (its `params.jobId`) is returned instead of storing a second one.
 */
import { CowrieError, type CowrieStore } from '@cowrieprocessor/core';
import * as detection from '@cowrieprocessor/detection';
import type { JobContext } from '@cowrieprocessor/queue';

type Fn = (...args: never[]) => unknown;
const lib = detection as unknown as Record<string, unknown>;

/** A detector name of the detection package. */
export type DetectorJob = 'snowshoe' | 'botnet' | 'longtail';

/**
 * A detection export by name, or a `DETECTOR_UNAVAILABLE` error naming it.
 *
 * @example
 * ```ts
 * const loadSessions = need('loadSessions');
 * ```
 */
export function need<T extends Fn>(name: string): T {
  const f = lib[name];
  if (typeof f !== 'function') throw new CowrieError('DETECTOR_UNAVAILABLE', `@cowrieprocessor/detection does not export ${name}() yet`, { missing: name });
  return f as T;
}

/**
 * Run one detector over the job's window and store the run and its findings, once per job.
 *
 * @example
 * ```ts
 * const out = await runDetectionJob(store, 'snowshoe', { since: '2024-05-01T00:00:00Z' }, ctx);
 * ```
 */
export async function runDetectionJob(store: CowrieStore, detector: DetectorJob, p: Record<string, unknown>, ctx: Pick<JobContext, 'jobId' | 'signal' | 'progress'>): Promise<Record<string, unknown>> {
  // The run's params carry the job id (json on PostgreSQL, text on SQLite: compared in JS).
  const recent = await store.db.selectFrom('detection_runs').select(['id', 'stats', 'params'])
    .where('detector', '=', detector).orderBy('started_at', 'desc').limit(500).execute();
  const existing = recent.find((r) => (parseJson(r.params) as { jobId?: string } | null)?.jobId === ctx.jobId);
  if (existing) return { runId: existing.id, reused: true, stats: parseJson(existing.stats) };
  const startedAt = new Date().toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
  await ctx.progress({ percent: 2, step: 'resolving window' });
  const window = await need<(s: CowrieStore, since?: string, until?: string, sensor?: string) => Promise<{ since: string; until: string; sensor?: string }>>('resolveWindow')(
    store, p.since as string | undefined, p.until as string | undefined, p.sensor as string | undefined);
  // Several steps each report processed/total from zero; the job's bar must never go back.
  let shown = 10;
  const onProgress = (x: { step: string; processed: number; total: number }) => {
    shown = Math.min(90, Math.max(shown, 10 + (x.total > 0 ? (x.processed / x.total) * 80 : 0)));
    void ctx.progress({ percent: shown, step: x.step, processed: x.processed, total: x.total }).catch(() => undefined);
  };
  const options = (p.options ?? {}) as Record<string, unknown>;
  const params = { ...options, jobId: ctx.jobId };
  let findings: unknown[];
  let stats: Record<string, unknown>;
  let backend: string | null = 'js';
  if (detector === 'longtail') {
    const backendFor = need<(name?: string) => Promise<{ name: string }>>('resolveBackend');
    const be = await backendFor(p.backend as string | undefined);
    backend = be.name;
    ctx.signal.throwIfAborted();
    const run = await need<(s: CowrieStore, w: unknown, o: Record<string, unknown>) => Promise<{ findings?: unknown[]; stats?: Record<string, unknown> }>>('runLongtail')(
      store, window, { backend: be, params: options, store: false, onProgress });
    findings = need<(r: unknown) => unknown[]>('longtailFindings')(run);
    stats = run.stats ?? {};
  } else {
    const sessions = await need<(s: CowrieStore, w: unknown, o: { onProgress?: unknown }) => Promise<unknown[]>>('loadSessions')(store, window, { onProgress });
    ctx.signal.throwIfAborted();
    shown = Math.max(shown, 50);
    await ctx.progress({ percent: shown, step: `detecting over ${sessions.length} sessions` });
    if (detector === 'snowshoe') {
      const ipInfo = await need<(s: CowrieStore) => Promise<unknown>>('loadIpInfo')(store);
      const r = need<(s: unknown[], o: Record<string, unknown>) => { campaigns: unknown[]; stats: Record<string, unknown> }>('detectSnowshoe')(sessions, { ...options, ipInfo, onProgress });
      findings = r.campaigns;
      stats = r.stats;
    } else {
      const r = need<(s: unknown[], o: Record<string, unknown>) => { botnets?: unknown[]; clusters?: unknown[]; findings?: unknown[]; stats: Record<string, unknown> }>('detectBotnets')(sessions, { ...options, onProgress });
      findings = r.botnets ?? r.clusters ?? r.findings ?? [];
      stats = r.stats;
    }
  }
  ctx.signal.throwIfAborted();
  await ctx.progress({ percent: 92, step: `storing ${findings.length} findings` });
  const save = need<(s: CowrieStore, run: Record<string, unknown>, f: unknown[]) => Promise<{ runId: string }>>('saveDetectionRun');
  const { runId } = await save(store, { detector, window, backend, params, stats, startedAt }, findings);
  return { runId, reused: false, findings: findings.length, window, stats };
}

function parseJson(s: unknown): unknown {
  try {
    return typeof s === 'string' ? JSON.parse(s) : s;
  } catch {
    return s;
  }
}
