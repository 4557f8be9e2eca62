import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSubmission, processHandler, type JobEvent, type JobRunner, type QueueEngine } from '../src/index.js';
import { ENGINE_NAMES, createTestEngine, sleep, waitFor, type TestEngine } from './support/engines.js';

// The same fixtures as the thread handlers: they run unchanged in a child process.
const FIXTURE = new URL('./fixtures/counter-thread.mjs', import.meta.url).href;
const RESULT_FIXTURE = new URL('./fixtures/process-result.mjs', import.meta.url).href;

describe.each(ENGINE_NAMES)('sandboxed-process handlers: %s', (name) => {
  let t: TestEngine;
  let client: QueueEngine;
  let dir: string;
  beforeEach(() => {
    t = createTestEngine(name);
    client = t.open();
    dir = mkdtempSync(join(tmpdir(), 'cowrie-process-'));
  });
  afterEach(async () => {
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const until = (id: string, s: string) => waitFor(async () => (await client.get(id))?.state === s, `job ${id} ${s}`);
  const ticks = (dbPath: string) => {
    try {
      const db = new Database(dbPath, { readonly: true });
      try {
        return (db.prepare('select count(*) as n from ticks').get() as { n: number }).n;
      } finally {
        db.close();
      }
    } catch {
      return 0; // not created yet
    }
  };
  const consumeTicker = () => t.open().consume({
    queues: ['longtail'], concurrency: 1, workerId: 'w1', abortGraceMs: 5000,
    run: processHandler(FIXTURE, { exportName: 'ignoreSignal', killAfterMs: 300 }) as JobRunner,
  });
  // longtail's schema has no `db` parameter: build the spec directly, as a trusted caller may.
  const tickerJob = (dbPath: string, extra: Record<string, unknown> = {}) => ({ ...parseSubmission({ jobType: 'longtail', parameters: {}, attempts: 1, ...extra }), parameters: { db: dbPath } });

  it('returns the result and relays progress from the child process', async () => {
    const events: JobEvent[] = [];
    await client.subscribe((e) => events.push(e));
    await t.open().consume({ queues: ['ping'], concurrency: 1, workerId: 'w1', run: processHandler(RESULT_FIXTURE, { exportName: 'answer' }) });
    const job = await client.submit(parseSubmission({ jobType: 'ping', parameters: { steps: 2 } }));
    await until(job.jobId, 'completed');
    const done = await client.get(job.jobId);
    expect(done?.result).toMatchObject({ jobId: job.jobId, steps: 2, pid: expect.any(Number) });
    expect((done?.result as { pid: number }).pid).not.toBe(process.pid);
    await waitFor(() => events.some((e) => e.jobId === job.jobId && e.type === 'progress' && e.status.progressPercent === 100), 'progress 100 %');
  });

  it('times out a process handler that ignores its signal: the process is killed and its writes stop', async () => {
    const dbPath = join(dir, 'ticks.sqlite');
    await consumeTicker();
    const job = await client.submit(tickerJob(dbPath, { timeoutSeconds: 1 }));
    await until(job.jobId, 'failed');
    expect(await client.get(job.jobId)).toMatchObject({ error: { code: 'JOB_TIMEOUT' } });
    const after = ticks(dbPath);
    expect(after).toBeGreaterThan(10); // it ran about a second before the timeout
    await sleep(300);
    expect(ticks(dbPath)).toBe(after);
  });

  it('cancels a running process handler that ignores its signal: the process is killed and its writes stop', async () => {
    const dbPath = join(dir, 'ticks.sqlite');
    await consumeTicker();
    const job = await client.submit(tickerJob(dbPath));
    await waitFor(() => ticks(dbPath) >= 5, 'ticks');
    await client.cancel(job.jobId, 'stop it');
    await until(job.jobId, 'cancelled');
    const after = ticks(dbPath);
    await sleep(300);
    expect(ticks(dbPath)).toBe(after);
    expect(await client.get(job.jobId)).toMatchObject({ error: { code: 'JOB_CANCELLED', message: 'stop it' } });
  });
});
