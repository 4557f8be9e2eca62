/**
 * The coordinator's finished-jobs counter and duration histogram count every completion on BullMQ
 * on PostgreSQL under load (its event stream used to skip about one `completed` event in eight).
 */
import { randomBytes } from 'node:crypto';
import { createPostgresEngine, createWorker, type QueueEngine, type RunningWorker } from '@cowrieprocessor/queue';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoordinatorApp } from '../src/coordinator/coordinator-app.js';
import { createCoordinatorMetrics } from '../src/coordinator/coordinator-metrics.js';
import { createJobEventHub, type JobEventHub } from '../src/coordinator/job-event-hub.js';
import { createApiLogger } from '../src/shared/api-logger.js';
import { createSseTokens } from '../src/shared/keys-sse-token.js';
import { pingHandler } from '../src/worker/handlers/ping-handler.js';

const PG = process.env.COWRIE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const JOBS = 500;

describe('coordinator metrics on BullMQ on PostgreSQL', () => {
  const schema = `coord_metrics_${randomBytes(4).toString('hex')}`;
  const url = `${PG}?schema=${schema}`;
  const engines: QueueEngine[] = [];
  const workers: RunningWorker[] = [];
  let hub: JobEventHub;
  const open = () => {
    const e = createPostgresEngine(url);
    engines.push(e);
    return e;
  };

  beforeAll(async () => {
    await open().depth(); // migrate once, before several connections race to
  });
  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.stop({ graceMs: 1000 })));
    hub?.close();
    await Promise.allSettled(engines.map((e) => e.close()));
    const c = new pg.Client({ connectionString: PG });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`).finally(() => c.end());
  });

  it(`counts all ${JOBS} completions of jobs submitted over HTTP and run by two workers`, async () => {
    const engine = engines[0]!;
    hub = await createJobEventHub(engine);
    const metrics = createCoordinatorMetrics(engine);
    hub.onAny(metrics.observe);
    const app = createCoordinatorApp({ engine, hub, metrics, log: createApiLogger('silent'), keys: [], noAuth: true, tokens: createSseTokens() });
    for (const id of ['w1', 'w2']) workers.push(await createWorker({ engine: open(), workerId: id, queues: ['ping'], concurrency: 8, handlers: { ping: pingHandler } }));

    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (next++ < JOBS) {
        const res = await app.request('/api/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jobType: 'ping', parameters: { steps: 2 } }) });
        expect(res.status).toBe(202);
      }
    }));
    const scrape = async () => (await app.request('/metrics')).text();
    const value = (text: string, re: RegExp) => Number(re.exec(text)?.[1] ?? 0);
    const end = Date.now() + 60_000;
    let text = '';
    while (Date.now() < end) {
      text = await scrape();
      if (value(text, /cowrie_jobs_finished_total\{queue="ping",outcome="completed"\} (\d+)/) >= JOBS) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(value(text, /cowrie_queue_jobs\{queue="ping",state="completed"\} (\d+)/)).toBe(JOBS);
    expect(value(text, /cowrie_jobs_finished_total\{queue="ping",outcome="completed"\} (\d+)/)).toBe(JOBS);
    expect(value(text, /cowrie_jobs_submitted_total\{queue="ping"\} (\d+)/)).toBe(JOBS);
    // Every completion had its start seen too, so each has a duration.
    expect(value(text, /cowrie_job_duration_seconds_count\{queue="ping",outcome="completed"\} (\d+)/)).toBe(JOBS);
  }, 120_000);
});
