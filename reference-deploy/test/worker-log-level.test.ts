/**
 * `cowrie worker` honours COWRIE_LOG_LEVEL: at `warn` a fleet running many tiny jobs writes no line
 * per job (at `info`, the default, it writes two), and a level it does not know is refused.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedisEngine, parseSubmission } from '@cowrieprocessor/queue';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { envLogLevel } from '../src/worker/start-worker.js';
import { spawnCli } from './support/jobs-processes.js';

const REDIS = process.env.COWRIE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('worker log level', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cowrie-wlog-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the level from COWRIE_LOG_LEVEL, default info, and refuses an unknown one', () => {
    expect(envLogLevel(undefined)).toBe('info');
    expect(envLogLevel(' warn ')).toBe('warn');
    expect(() => envLogLevel('verbose')).toThrow(/COWRIE_LOG_LEVEL: expected debug, info, warn, error or silent, got "verbose"/);
  });

  it.each(['info', 'warn'])('at %s, logs per job only when info', async (level) => {
    const prefix = `wlog-${randomBytes(4).toString('hex')}`;
    const queue = `${REDIS}?prefix=${prefix}`;
    const engine = createRedisEngine(queue);
    const w = spawnCli('worker', ['worker', '--queues', 'ping', '--db', join(dir, `${level}.sqlite`)], { COWRIE_QUEUE: queue, COWRIE_LOG_LEVEL: level });
    try {
      const registered = async () => (await engine.registry.list()).length > 0;
      for (const end = Date.now() + 30_000; !(await registered());) {
        if (Date.now() > end) throw new Error(`worker never registered: ${w.output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await engine.submit(parseSubmission({ jobType: 'ping', parameters: {} }))).jobId);
      for (const id of ids) {
        for (const end = Date.now() + 15_000; (await engine.get(id))?.state !== 'completed';) {
          if (Date.now() > end) throw new Error(`job ${id} did not complete`);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      await new Promise((r) => setTimeout(r, 200)); // the last log line
      const perJob = w.output().split('\n').filter((l) => /"msg":"job (started|completed)"/.test(l));
      expect(perJob).toHaveLength(level === 'info' ? 6 : 0);
      expect(/"msg":"worker started"/.test(w.output())).toBe(level === 'info');
    } finally {
      await w.stop();
      await engine.close();
      const r = new Redis(REDIS);
      const keys = await r.keys(`${prefix}:*`);
      if (keys.length > 0) await r.del(...keys);
      r.disconnect();
    }
  });
});
