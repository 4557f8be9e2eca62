import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSubmission, threadHandler, type JobEvent, type JobRunner, type QueueEngine } from '../src/index.js';
import { ENGINE_NAMES, createTestEngine, sleep, waitFor, type TestEngine } from './support/engines.js';

const THREAD_FIXTURE = new URL('./fixtures/counter-thread.mjs', import.meta.url).href;
const ping = (extra: Record<string, unknown> = {}) => parseSubmission({ jobType: 'ping', parameters: {}, ...extra });

// One suite, every engine: the coordinator side and the worker side use separate engine handles
// (separate connections, as separate processes would), except embedded, which is one process.
describe.each(ENGINE_NAMES)('queue engine conformance: %s', (name) => {
  let t: TestEngine;
  let client: QueueEngine;
  let workerSide: QueueEngine;
  let dir: string;
  beforeEach(() => {
    t = createTestEngine(name);
    client = t.open();
    workerSide = t.open();
    dir = mkdtempSync(join(tmpdir(), 'cowrie-queue-'));
  });
  afterEach(async () => {
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const state = async (id: string) => (await client.get(id))?.state;
  const until = (id: string, s: string, ms?: number) => waitFor(async () => (await state(id)) === s, `job ${id} ${s}`, ms);

  it('runs a job to completion, stores its result and reports progress events up to 100 %', async () => {
    const events: JobEvent[] = [];
    await client.subscribe((e) => events.push(e));
    await workerSide.consume({
      queues: ['ping'], concurrency: 2, workerId: 'w1',
      run: async (p, ctx) => {
        for (let i = 1; i <= 3; i++) await ctx.progress({ percent: i * 25, step: `step ${i}`, processed: i, total: 4 });
        return { pong: true, attempt: ctx.attempt };
      },
    });
    const job = await client.submit(ping());
    expect(job.state).toBe('queued');
    await until(job.jobId, 'completed');
    const done = await client.get(job.jobId);
    expect(done).toMatchObject({ state: 'completed', progressPercent: 100, result: { pong: true, attempt: 1 }, jobType: 'ping', attemptsMade: 1 });
    await waitFor(() => events.some((e) => e.jobId === job.jobId && e.type === 'completed'), 'completed event');
    const mine = events.filter((e) => e.jobId === job.jobId);
    const progress = mine.filter((e) => e.type === 'progress').map((e) => e.status.progressPercent);
    expect(progress).toEqual([25, 50, 75]);
    expect(mine.find((e) => e.type === 'progress')!.status).toMatchObject({ currentStep: 'step 1', processed: 1, total: 4, state: 'in_progress' });
    expect(mine.at(-1)!.status).toMatchObject({ state: 'completed', progressPercent: 100 });
    expect((await client.list({ state: 'completed' })).map((j) => j.jobId)).toContain(job.jobId);
  });

  it('runs higher priorities first (1 before 5 before 10), FIFO within a priority', async () => {
    const order: number[] = [];
    const ids: string[] = [];
    for (const priority of [10, 5, 1, 5]) ids.push((await client.submit(ping({ priority }))).jobId);
    await workerSide.consume({ queues: ['ping'], concurrency: 1, workerId: 'w1', run: async (_p, ctx) => void order.push(ids.indexOf(ctx.jobId)) });
    await waitFor(() => order.length === 4, 'four jobs');
    expect(order).toEqual([2, 1, 3, 0]);
  });

  it('retries with exponential backoff and keeps the attempt count', async () => {
    const at: number[] = [];
    await workerSide.consume({
      queues: ['ping'], concurrency: 1, workerId: 'w1',
      run: async (_p, ctx) => {
        at.push(Date.now());
        if (ctx.attempt < 3) throw new Error(`flaky ${ctx.attempt}`);
        return 'third time';
      },
    });
    const job = await client.submit(ping({ attempts: 3, backoffMs: 300 }));
    await until(job.jobId, 'completed');
    expect(at).toHaveLength(3);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(280);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(580);
    expect(await client.get(job.jobId)).toMatchObject({ result: 'third time', attemptsMade: 3 });
  });

  it('keeps a failed job with its error and re-drives it', async () => {
    let healthy = false;
    await workerSide.consume({
      queues: ['ping'], concurrency: 1, workerId: 'w1',
      run: async () => {
        if (!healthy) throw Object.assign(new Error('upstream down'), { code: 'UPSTREAM_DOWN' });
        return 'ok';
      },
    });
    const job = await client.submit(ping({ attempts: 1 }));
    await until(job.jobId, 'failed');
    expect(await client.get(job.jobId)).toMatchObject({ state: 'failed', error: { code: 'UPSTREAM_DOWN', message: 'upstream down' } });
    expect((await client.list({ state: 'failed' })).map((j) => j.jobId)).toContain(job.jobId);
    healthy = true;
    await client.retry(job.jobId);
    await until(job.jobId, 'completed');
    expect(await client.get(job.jobId)).toMatchObject({ result: 'ok' });
  });

  it('a job run twice stores one result when its handler is idempotent (keyed by job id)', async () => {
    const db = new Database(join(dir, 'results.sqlite'));
    db.exec('create table results (job_id text primary key, value text)');
    await workerSide.consume({
      queues: ['ping'], concurrency: 1, workerId: 'w1',
      run: async (_p, ctx) => {
        db.prepare('insert into results values (?, ?) on conflict (job_id) do nothing').run(ctx.jobId, `attempt ${ctx.attempt}`);
        if (ctx.attempt === 1) throw new Error('crashed after writing');
        return 'stored';
      },
    });
    const job = await client.submit(ping({ attempts: 2, backoffMs: 50 }));
    await until(job.jobId, 'completed');
    expect(db.prepare('select * from results').all()).toEqual([{ job_id: job.jobId, value: 'attempt 1' }]);
    db.close();
  });

  it('times a job out: its signal fires, it fails with JOB_TIMEOUT and its side effects stop', async () => {
    let ticks = 0;
    await workerSide.consume({
      queues: ['ping'], concurrency: 1, workerId: 'w1',
      run: async (_p, ctx) => {
        while (!ctx.signal.aborted) {
          ticks++;
          await sleep(20);
        }
        throw ctx.signal.reason;
      },
    });
    const job = await client.submit(ping({ timeoutSeconds: 1, attempts: 3 }));
    await until(job.jobId, 'failed');
    expect(await client.get(job.jobId)).toMatchObject({ error: { code: 'JOB_TIMEOUT' }, attemptsMade: 1 });
    const after = ticks;
    await sleep(200);
    expect(ticks).toBe(after);
    expect(after).toBeGreaterThan(10);
  });

  it('cancels a queued job at once: it never runs and reads as cancelled', async () => {
    const job = await client.submit(ping());
    const v = await client.cancel(job.jobId, 'not needed');
    expect(v).toMatchObject({ state: 'cancelled', error: { code: 'JOB_CANCELLED', message: 'not needed' } });
    let ran = false;
    await workerSide.consume({ queues: ['ping'], concurrency: 1, workerId: 'w1', run: async () => void (ran = true) });
    const marker = await client.submit(ping());
    await until(marker.jobId, 'completed');
    expect(ran).toBe(true); // the marker ran …
    expect(await state(job.jobId)).toBe('cancelled'); // … the cancelled one did not
    expect((await client.list({ state: 'cancelled' })).map((j) => j.jobId)).toContain(job.jobId);
  });

  it('cancels a running thread handler that ignores its signal: the thread is terminated and its writes stop', async () => {
    const dbPath = join(dir, 'ticks.sqlite');
    const count = () => {
      const db = new Database(dbPath, { readonly: true });
      try {
        return (db.prepare('select count(*) as n from ticks').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    await workerSide.consume({
      queues: ['longtail'], concurrency: 1, workerId: 'w1', abortGraceMs: 5000,
      run: threadHandler(THREAD_FIXTURE, { exportName: 'ignoreSignal', terminateAfterMs: 500 }) as JobRunner,
    });
    // longtail's schema has no `db` parameter: build the spec directly, as a trusted caller may.
    const spec = { ...parseSubmission({ jobType: 'longtail', parameters: {}, attempts: 1 }), parameters: { db: dbPath } };
    const job = await client.submit(spec);
    await until(job.jobId, 'in_progress');
    await waitFor(() => { try { return count() >= 5; } catch { return false; } }, 'ticks');
    await client.cancel(job.jobId, 'stop it');
    await until(job.jobId, 'cancelled');
    const after = count();
    await sleep(300);
    expect(count()).toBe(after);
    expect(await client.get(job.jobId)).toMatchObject({ error: { code: 'JOB_CANCELLED', message: 'stop it' } });
  });

  it('cancels a running inline handler that honours its signal', async () => {
    let ticks = 0;
    await workerSide.consume({
      queues: ['ping'], concurrency: 1, workerId: 'w1',
      run: async (_p, ctx) => {
        while (!ctx.signal.aborted) {
          ticks++;
          await sleep(20);
        }
        throw ctx.signal.reason;
      },
    });
    const job = await client.submit(ping({ attempts: 3 }));
    await waitFor(() => ticks > 3, 'ticks');
    await client.cancel(job.jobId);
    await until(job.jobId, 'cancelled');
    const after = ticks;
    await sleep(200);
    expect(ticks).toBe(after);
    expect((await client.get(job.jobId))!.attemptsMade).toBe(1);
  });

  it('a forced close hands running jobs back to the queue; another consumer completes them', async () => {
    let started = 0;
    const first = await workerSide.consume({
      queues: ['ping'], concurrency: 1, workerId: 'w1',
      run: async (_p, ctx) => {
        started++;
        await new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)));
      },
    });
    const job = await client.submit(ping({ attempts: 1 }));
    await waitFor(() => started === 1, 'start');
    await first.close({ force: true });
    await until(job.jobId, 'queued');
    const other = name === 'embedded' ? workerSide : t.open();
    await other.consume({ queues: ['ping'], concurrency: 1, workerId: 'w2', run: async () => 'second worker' });
    await until(job.jobId, 'completed');
    expect(await client.get(job.jobId)).toMatchObject({ result: 'second worker', attemptsMade: 1 });
  });

  it('holds a job whose requirements no worker meets, with a clear status', async () => {
    await workerSide.consume({
      queues: ['ping'], concurrency: 1, workerId: 'w1', run: async () => 'ran',
      accept: (spec) => (spec.requirements?.minCpuCores ?? 0) > 64 ? 'needs 512 CPU cores (this worker has 2)' : null,
    });
    const job = await client.submit(ping({ requirements: { minCpuCores: 512 } }));
    await waitFor(async () => (await client.get(job.jobId))?.currentStep?.startsWith('waiting: needs 512 CPU cores'), 'waiting status');
    expect(await state(job.jobId)).toBe('queued');
  });

  it('lists workers from their heartbeats and forgets them on removal', async () => {
    const info = {
      workerId: 'w-reg', hostname: 'h', type: 'native' as const, profile: 'general', queues: ['ping' as const], concurrency: 2,
      platform: 'linux-x64', capabilities: { cpuCores: 2, memoryGb: 8, accelerator: 'none', backends: ['js'] }, preferences: {}, active: 0, pid: 1, startedAt: new Date().toISOString(),
    };
    await workerSide.registry.heartbeat(info);
    expect(await client.registry.list()).toEqual([expect.objectContaining({ workerId: 'w-reg', status: 'active', queues: ['ping'] })]);
    await workerSide.registry.remove('w-reg');
    expect(await client.registry.list()).toEqual([]);
  });

  it('reports queue depth per queue', async () => {
    await client.submit(ping());
    await client.submit(ping());
    const d = await client.depth();
    expect(d.ping.queued).toBe(2);
    expect(d.snowshoe.queued).toBe(0);
  });
});
