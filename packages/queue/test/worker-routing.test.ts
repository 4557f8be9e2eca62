import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorker, parseSubmission, queuesToYield, resolveQueues, type JobRunner, type QueueEngine, type RunningWorker, type WorkerRecord } from '../src/index.js';
import { ENGINE_NAMES, createTestEngine, sleep, waitFor, type TestEngine } from './support/engines.js';

describe('profiles and preference rules', () => {
  it('maps profiles to the conventions\' queues and validates --queues', () => {
    expect(resolveQueues('ml_accelerated')).toEqual(['snowshoe', 'botnet', 'longtail']);
    expect(resolveQueues('io_bound')).toEqual(['enrichment', 'load', 'report', 'ping']);
    expect(resolveQueues('general', 'load, report')).toEqual(['load', 'report']);
    expect(() => resolveQueues('gpu')).toThrow(/unknown worker profile "gpu"/);
    expect(() => resolveQueues('general', 'load,mine')).toThrow(/unknown queue "mine"/);
  });

  it('yields a queue only to a live, more preferred peer with a free slot', () => {
    const base = { hostname: 'h', type: 'native', profile: 'general', queues: ['snowshoe'], concurrency: 1, platform: 'linux-x64', capabilities: { cpuCores: 2, memoryGb: 4, accelerator: 'none', backends: ['js'] }, pid: 1, startedAt: '', lastSeen: '' } as const;
    const self = { ...base, workerId: 'b', preferences: { snowshoe: 50 }, active: 0 } as unknown as WorkerRecord;
    const peer = (over: Partial<WorkerRecord>) => ({ ...base, workerId: 'a', preferences: { snowshoe: 100 }, active: 0, status: 'active', ...over }) as WorkerRecord;
    expect([...queuesToYield(self, [peer({})])]).toEqual(['snowshoe']);
    expect([...queuesToYield(self, [peer({ active: 1 })])]).toEqual([]); // busy
    expect([...queuesToYield(self, [peer({ status: 'lost' })])]).toEqual([]); // down
    expect([...queuesToYield(self, [peer({ preferences: { snowshoe: 10 } })])]).toEqual([]); // less preferred
  });
});

describe.each(ENGINE_NAMES)('worker runtime: %s', (name) => {
  let t: TestEngine;
  let client: QueueEngine;
  const workers: RunningWorker[] = [];
  beforeEach(() => {
    t = createTestEngine(name);
    client = t.open();
  });
  afterEach(async () => {
    await Promise.allSettled(workers.splice(0).map((w) => w.stop({ graceMs: 100 })));
    await t.drop();
  });

  it('routes to the idle preferred worker, to another when it is busy, and when it is down', async () => {
    const ranOn: Record<string, string> = {};
    // The next job to start is held until released (set before submitting: embedded starts at once).
    let holdNext = false;
    let held: string | null = null;
    const handler = (who: string): JobRunner => async (_p, ctx) => {
      ranOn[ctx.jobId] = who;
      if (holdNext) {
        holdNext = false;
        held = ctx.jobId;
        while (held === ctx.jobId && !ctx.signal.aborted) await sleep(20);
      }
      return who;
    };
    const start = async (who: string, preference: number) => {
      const w = await createWorker({
        engine: t.open(), workerId: who, queues: ['ping'], concurrency: 1, preferences: { ping: preference }, heartbeatMs: 150,
        handlers: { ping: handler(who) },
      });
      workers.push(w);
      return w;
    };
    const preferred = await start('preferred', 100);
    await start('fallback', 10);
    await sleep(500); // a few heartbeats: the fallback sees the preferred one and yields
    const submit = async () => (await client.submit(parseSubmission({ jobType: 'ping', parameters: {} }))).jobId;
    const done = (id: string) => waitFor(async () => (await client.get(id))?.state === 'completed', `job ${id}`);

    const a = await submit();
    await done(a);
    expect(ranOn[a]).toBe('preferred');

    // Busy: the preferred worker holds a long job, the next goes to the fallback.
    holdNext = true;
    const long = await submit();
    await waitFor(() => ranOn[long], 'long job started');
    expect(ranOn[long]).toBe('preferred');
    await sleep(500);
    const b = await submit();
    await done(b);
    expect(ranOn[b]).toBe('fallback');
    held = null;
    await done(long);

    // Down: the preferred worker stops; the fallback takes jobs again.
    await preferred.stop({ graceMs: 100 });
    workers.splice(workers.indexOf(preferred), 1);
    await sleep(400);
    const c = await submit();
    await done(c);
    expect(ranOn[c]).toBe('fallback');
    expect((await client.registry.list()).map((w) => w.workerId)).toEqual(['fallback']);
  });
});
