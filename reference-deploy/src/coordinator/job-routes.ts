/**
 * @module The job routes: submit, read, list, cancel, retry, and the workers view.
 */
import { JOB_STATES, JobNotFoundError, isJobType, parseSubmission, type JobState, type QueueEngine } from '@cowrieprocessor/queue';
import type { Context, Hono } from 'hono';
import { ApiError } from '../shared/api-errors.js';
import type { ApiLogger } from '../shared/api-logger.js';
import type { CoordinatorMetrics } from './coordinator-metrics.js';
import type { CoordinatorEnv } from './coordinator-env.js';

const JOB_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** What the job routes need. */
export interface JobRoutesDeps {
  engine: QueueEngine;
  metrics: CoordinatorMetrics;
  log: ApiLogger;
}

/**
 * Mount `/api/v1/jobs…` and `/api/v1/workers` (authentication is mounted by the caller).
 *
 * @example
 * ```ts
 * mountJobRoutes(app, { engine, metrics, log });
 * ```
 */
export function mountJobRoutes(app: Hono<CoordinatorEnv>, d: JobRoutesDeps): void {
  const jobId = (id: string) => {
    if (!JOB_ID.test(id)) throw new ApiError(400, 'INVALID_PARAM', 'id: not a job id');
    return id;
  };

  app.post('/api/v1/jobs', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new ApiError(400, 'BAD_JSON', 'the request body is not valid JSON (send Content-Type: application/json)');
    }
    const spec = parseSubmission(body);
    const view = await d.engine.submit(spec);
    d.metrics.submitted(spec.jobType);
    d.log.info('job submitted', { requestId: c.get('requestId'), jobId: spec.jobId, jobType: spec.jobType, priority: spec.priority, keyId: c.get('keyId') });
    c.header('Location', `/api/v1/jobs/${spec.jobId}`);
    return c.json({ jobId: spec.jobId, state: view.state }, 202);
  });

  app.get('/api/v1/jobs', async (c) => {
    const state = c.req.query('state');
    const type = c.req.query('type') ?? c.req.query('jobType');
    const limitText = c.req.query('limit');
    if (state !== undefined && !JOB_STATES.includes(state as JobState)) throw new ApiError(400, 'INVALID_PARAM', `state: expected one of ${JOB_STATES.join(', ')}`);
    if (type !== undefined && !isJobType(type)) throw new ApiError(400, 'INVALID_PARAM', `type: unknown job type "${type}"`);
    const limit = limitText === undefined ? 50 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new ApiError(400, 'INVALID_PARAM', 'limit: expected an integer 1–1000');
    const jobs = await d.engine.list({ state: state as JobState | undefined, jobType: type as never, limit });
    return c.json({ jobs });
  });

  app.get('/api/v1/jobs/:id', async (c) => {
    const id = jobId(c.req.param('id'));
    const view = await d.engine.get(id);
    if (!view) throw new JobNotFoundError(id);
    return c.json(view);
  });

  const cancel = async (c: Context<CoordinatorEnv>) => {
    const id = jobId(c.req.param('id') ?? '');
    const view = await d.engine.cancel(id, `cancelled by request ${c.get('requestId')}`);
    if (!view) throw new JobNotFoundError(id);
    d.log.info('job cancel requested', { requestId: c.get('requestId'), jobId: id, state: view.state, keyId: c.get('keyId') });
    return c.json(view, 202);
  };
  app.post('/api/v1/jobs/:id/cancel', cancel);
  app.delete('/api/v1/jobs/:id', cancel);

  app.post('/api/v1/jobs/:id/retry', async (c) => {
    const id = jobId(c.req.param('id'));
    const before = await d.engine.get(id);
    if (!before) throw new JobNotFoundError(id);
    if (before.state !== 'failed' && before.state !== 'cancelled') {
      throw new ApiError(409, 'JOB_NOT_RETRYABLE', `job ${id} is ${before.state}; only failed or cancelled jobs can be re-driven`);
    }
    const view = await d.engine.retry(id);
    d.log.info('job re-driven', { requestId: c.get('requestId'), jobId: id });
    return c.json(view, 202);
  });

  app.get('/api/v1/workers', async (c) => {
    const [workers, queues] = await Promise.all([d.engine.registry.list(), d.engine.depth()]);
    const jobRouting: Record<string, string[]> = {};
    for (const w of workers) {
      if (w.status !== 'active') continue;
      for (const q of w.queues) (jobRouting[q] ??= []).push(w.workerId);
    }
    return c.json({ workers, jobRouting, queues });
  });
}
