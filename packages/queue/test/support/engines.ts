import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createEmbeddedEngine, createPostgresEngine, createRedisEngine, type QueueEngine } from '../../src/index.js';

/** PostgreSQL and Redis the tests use; a missing server fails the tests (never a skip). */
export const TEST_PG_URL = process.env.COWRIE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.COWRIE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** An engine on a throwaway namespace, with its `COWRIE_QUEUE` value and cleanup. */
export interface TestEngine {
  name: 'embedded' | 'postgres' | 'redis';
  /** `COWRIE_QUEUE` for child processes (embedded has none to share). */
  queueUrl: string;
  /** A new engine handle on the same namespace (several handles = several processes). */
  open(): QueueEngine;
  drop(): Promise<void>;
}

/** The engines every conformance spec runs over. */
export const ENGINE_NAMES = ['embedded', 'postgres', 'redis'] as const;

/**
 * A fresh namespace for `name`: a new PostgreSQL schema or a new Redis key prefix. The embedded
 * engine is one instance shared by all `open()` calls (it lives in this process).
 */
export function createTestEngine(name: TestEngine['name']): TestEngine {
  const id = randomBytes(5).toString('hex');
  const opened: QueueEngine[] = [];
  const track = (e: QueueEngine) => (opened.push(e), e);
  const closeAll = () => Promise.allSettled(opened.map((e) => e.close()));
  if (name === 'embedded') {
    const engine = createEmbeddedEngine({ lostAfterMs: 3000 });
    return { name, queueUrl: 'embedded', open: () => engine, drop: async () => void (await engine.close()) };
  }
  if (name === 'postgres') {
    const schema = `q_${id}`;
    const queueUrl = `${TEST_PG_URL}?schema=${schema}`;
    return {
      name, queueUrl,
      open: () => track(createPostgresEngine(queueUrl, { lostAfterMs: 3000 })),
      drop: async () => {
        await closeAll();
        const c = new pg.Client({ connectionString: TEST_PG_URL });
        await c.connect();
        await c.query(`drop schema if exists ${schema} cascade`).finally(() => c.end());
      },
    };
  }
  const prefix = `t-${id}`;
  const queueUrl = `${TEST_REDIS_URL}?prefix=${prefix}`;
  return {
    name, queueUrl,
    open: () => track(createRedisEngine(queueUrl, { lostAfterMs: 3000 })),
    drop: async () => {
      await closeAll();
      const r = new Redis(TEST_REDIS_URL);
      try {
        let cursor = '0';
        do {
          const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
          cursor = next;
          if (keys.length > 0) await r.del(...keys);
        } while (cursor !== '0');
      } finally {
        r.disconnect();
      }
    },
  };
}

/** Poll `fn` until it returns a truthy value or `ms` pass (then throw with `what`). */
export async function waitFor<T>(fn: () => Promise<T> | T, what: string, ms = 15_000, every = 25): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** Sleep `ms`. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
