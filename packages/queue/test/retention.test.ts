import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completedRetention, trimFinished } from '../src/bullmq/retention.js';
import { openQueue } from '../src/bullmq/bullmq-connection.js';
import { parseSubmission, postgresConnection, redisConnection, type QueueEngine } from '../src/index.js';
import { TEST_REDIS_URL, createTestEngine, waitFor, type TestEngine } from './support/engines.js';

describe('finished-job retention', () => {
  let t: TestEngine;
  let client: QueueEngine;
  beforeEach(() => {
    t = createTestEngine('postgres');
    client = t.open();
  });
  afterEach(async () => {
    await t.drop();
  });

  it('keeps the count on Redis per completion, and on PostgreSQL by a periodic trim of the oldest', async () => {
    expect(completedRetention(redisConnection(TEST_REDIS_URL))).toEqual({ age: 604_800, count: 50_000 });
    const conn = postgresConnection(t.queueUrl);
    expect(completedRetention(conn)).toEqual({ age: 604_800 });

    await t.open().consume({ queues: ['ping'], concurrency: 4, workerId: 'w1', run: async () => 'ok' });
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push((await client.submit(parseSubmission({ jobType: 'ping', parameters: {} }))).jobId);
    await waitFor(async () => (await client.depth()).ping.completed === 25, '25 completed');

    const queue = openQueue(conn, 'ping');
    const stop = trimFinished(conn, [queue], { everyMs: 50, keep: 10 });
    try {
      await waitFor(async () => (await client.depth()).ping.completed === 10, 'trimmed to 10', 10_000, 50);
      const kept = (await client.list({ state: 'completed', limit: 100 })).map((j) => j.jobId);
      expect(new Set(kept)).toEqual(new Set(ids.slice(15))); // the newest ten
    } finally {
      stop();
      await queue.close();
      await conn.close();
    }
  });
});
