import { QueueEvents, createPostgresBackend, type BackendFactory } from 'bullmq';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL_QUEUE, JOB_TYPES, parseSubmission, type JobEvent, type QueueEngine } from '../src/index.js';
import { holeTracker } from '../src/bullmq-postgres/pg-event-holes.js';
import { pgEventArgs } from '../src/bullmq-postgres/pg-event-args.js';
import { openPgEventStream } from '../src/bullmq-postgres/pg-event-stream.js';
import { TEST_PG_URL, createTestEngine, sleep, waitFor, type TestEngine } from './support/engines.js';

describe('PostgreSQL event stream', () => {
  let t: TestEngine;
  let schema: string;
  let sql: pg.Client;
  beforeEach(async () => {
    t = createTestEngine('postgres');
    schema = new URL(t.queueUrl).searchParams.get('schema')!;
    await t.open().depth(); // creates and migrates the schema
    sql = new pg.Client({ connectionString: TEST_PG_URL });
    await sql.connect();
  });
  afterEach(async () => {
    await sql.end();
    await t.drop();
  });

  it('delivers an event whose transaction commits after a later one was read (BullMQ\'s QueueEvents skips it)', async () => {
    const stream = openPgEventStream({ connectionString: TEST_PG_URL, schema, queues: [...JOB_TYPES, CONTROL_QUEUE] });
    const bull = new (QueueEvents as unknown as new (...a: unknown[]) => QueueEvents)('ping', { connection: { connectionString: TEST_PG_URL, schema }, blockingTimeout: 500 }, createPostgresBackend as unknown as BackendFactory);
    const ours: string[] = [];
    const theirs: string[] = [];
    const src = stream.forQueue('ping');
    src.on('completed', (a: { jobId: string }) => ours.push(a.jobId));
    bull.on('completed', ({ jobId }) => theirs.push(jobId));
    await Promise.all([src.waitUntilReady(), bull.waitUntilReady()]);
    await sleep(300); // QueueEvents resolves its '$' cursor on its first read
    const late = new pg.Client({ connectionString: TEST_PG_URL });
    await late.connect();
    const publish = (c: pg.Client, jobId: string) => c.query(`SELECT "${schema}".publish_event('ping', 'completed', $1::jsonb)`, [JSON.stringify({ jobId, returnvalue: '1' })]);
    try {
      await late.query('BEGIN');
      await publish(late, 'first-id-commits-last'); // takes the lower id, not yet visible
      await publish(sql, 'second-id-commits-first');
      await waitFor(() => ours.includes('second-id-commits-first') && theirs.includes('second-id-commits-first'), 'the later event');
      await late.query('COMMIT');
      await waitFor(() => ours.includes('first-id-commits-last'), 'the earlier id, committed last', 5000);
      await sleep(1500); // time for QueueEvents to have read it, had it looked
      expect(ours).toEqual(['second-id-commits-first', 'first-id-commits-last']);
      expect(theirs).toEqual(['second-id-commits-first']); // the cause: its cursor already passed that id
    } finally {
      await late.end();
      await Promise.allSettled([bull.close(), stream.close()]);
    }
  });

  it('counts every completion of 600 jobs run by two workers at concurrency 8', async () => {
    const client: QueueEngine = t.open();
    const completed = new Map<string, number>();
    await client.subscribe((e: JobEvent) => {
      if (e.type === 'completed') completed.set(e.jobId, (completed.get(e.jobId) ?? 0) + 1);
    });
    for (const w of [t.open(), t.open()]) {
      await w.consume({ queues: ['ping'], concurrency: 8, workerId: 'w', run: async (_p, ctx) => {
        await ctx.progress({ percent: 50 });
        return ctx.jobId;
      } });
    }
    const ids: string[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (next++ < 600) ids.push((await client.submit(parseSubmission({ jobType: 'ping', parameters: {} }))).jobId);
    }));
    await waitFor(async () => (await client.depth()).ping.completed === 600, '600 completed', 60_000, 100);
    await waitFor(() => completed.size === 600, `600 completed events (have ${completed.size})`, 5000);
    expect([...completed.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(ids)).toEqual(new Set(completed.keys()));
  }, 90_000);
});

describe('event stream helpers', () => {
  it('tracks missing ids until they arrive or expire', () => {
    const holes = holeTracker(1000, 5);
    holes.addRange(3, 4);
    expect(holes.list()).toEqual([3, 4]);
    expect(holes.fill(3)).toBe(true);
    expect(holes.fill(3)).toBe(false);
    holes.addRange(10, 100); // a huge gap keeps only the newest ids, within the cap
    expect(holes.size()).toBe(5);
    expect(holes.list()).toEqual([96, 97, 98, 99, 100]);
    holes.expire(Date.now() + 1000);
    expect(holes.size()).toBe(0);
  });

  it('decodes rows as QueueEvents does', () => {
    expect(pgEventArgs({ id: '1', queue: 'ping', event: 'completed', data: { jobId: 'j', returnvalue: '{"pong":true}', prev: 'active' } }))
      .toEqual({ event: 'completed', args: { jobId: 'j', returnvalue: { pong: true }, prev: 'active' } });
    expect(pgEventArgs({ id: '2', queue: 'ping', event: 'progress', data: { jobId: 'j', data: '{"percent":40}' } }).args.data).toEqual({ percent: 40 });
    expect(pgEventArgs({ id: '3', queue: 'ping', event: 'delayed', data: { jobId: 'j', delay: 1700000000000 } }).args.delay).toBe(1700000000000);
    expect(pgEventArgs({ id: '4', queue: 'ping', event: 'failed', data: { jobId: 'j', failedReason: '[JOB_TIMEOUT] slow' } }).args).toEqual({ jobId: 'j', failedReason: '[JOB_TIMEOUT] slow' });
  });
});
