import { randomBytes } from 'node:crypto';
import { openStore, deltaLoad } from '@cowrieprocessor/core';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSse, spawnCli, type CliProcess } from './support/jobs-processes.js';
import { connectStdio } from './support/mcp-fixture.js';

// Coordinator, two workers and a loader as child processes of the built CLI, on PostgreSQL as
// the queue and again on Redis; the database is PostgreSQL in both. Real captures are read from
// ../shared/realdata (never copied).
const PG = process.env.COWRIE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS = process.env.COWRIE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REALDATA = new URL('../../../shared/realdata/', import.meta.url).pathname;
const KEY = 'e2e-jobs-key-0123456789';
const READ_KEY = 'e2e-read-key-0123456789';

async function pgExec(sql: string): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

describe.each(['postgres', 'redis'] as const)('jobs end to end, queue on %s', (engine) => {
  const id = randomBytes(4).toString('hex');
  const storeSchema = `e2e_store_${id}`;
  const db = `${PG}?schema=${storeSchema}`;
  const queue = engine === 'postgres' ? `${PG}?schema=e2e_queue_${id}` : `${REDIS}?prefix=e2e-${id}`;
  const procs: CliProcess[] = [];
  let base = '';
  const auth = { authorization: `Bearer ${KEY}` };
  const env = { COWRIE_DB: db, COWRIE_QUEUE: queue, COWRIE_API_KEYS: `${KEY}:read+jobs,${READ_KEY}:read`, COWRIE_LOG_LEVEL: 'info' };
  const startWorker = (name: string) => {
    const w = spawnCli(name, ['worker', '--id', name, '--queues', 'load,report,ping,snowshoe', '--concurrency', '1',
      '--heartbeat', '500', '--lock-duration', '4000', '--stalled-interval', '1500', '--grace', '2000'], env);
    procs.push(w);
    return w;
  };
  const post = (path: string, body: unknown, headers: Record<string, string> = auth) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const getJob = async (jobId: string) => (await (await fetch(`${base}/api/v1/jobs/${jobId}`, { headers: auth })).json()) as Record<string, unknown>;
  const until = async (jobId: string, state: string, ms: number) => {
    const end = Date.now() + ms;
    for (;;) {
      const j = await getJob(jobId);
      if (j.state === state) return j;
      if (Date.now() > end) throw new Error(`job ${jobId} not ${state} after ${ms} ms: ${JSON.stringify(j)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  beforeAll(async () => {
    // Create the schema once, before several processes open the store at the same time.
    await (await openStore(db, { access: 'write' })).close();
    const coordinator = spawnCli('coordinator', ['coordinator', '--port', '0'], env);
    procs.push(coordinator);
    base = (await coordinator.waitFor(/coordinator on (http:\/\/[\d.:]+)/))[1]!;
    await Promise.all([startWorker('worker-a'), startWorker('worker-b')].map((w) => w.waitFor(/"worker started"/)));
  });

  afterAll(async () => {
    await Promise.allSettled(procs.map((p) => p.stop()));
    await pgExec(`drop schema if exists ${storeSchema} cascade`);
    if (engine === 'postgres') await pgExec(`drop schema if exists e2e_queue_${id} cascade`);
    else {
      const r = new Redis(REDIS);
      const keys = await r.keys(`e2e-${id}:*`);
      if (keys.length > 0) await r.del(...keys);
      r.disconnect();
    }
  });

  it('a loader loads real data; jobs submitted over HTTP stream progress to 100 % and store their results', async () => {
    const loader = spawnCli('loader', ['loader', `${REALDATA}andymalepe__jsontocsv`, '--interval', '1h', '--port', '0'], env);
    procs.push(loader);
    const health = (await loader.waitFor(/loader health on (http:\/\/[\d.:]+)/))[1]!;
    await loader.waitFor(/"load done".*"events":[1-9]/);
    expect((await fetch(`${health}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${health}/metrics`)).text()).toMatch(/cowrie_loader_records_total\{kind="event"\} [1-9]/);
    await loader.stop();

    const workers = (await (await fetch(`${base}/api/v1/workers`, { headers: auth })).json()) as { workers: Array<{ workerId: string; status: string }>; jobRouting: Record<string, string[]> };
    expect(workers.workers.map((w) => w.workerId).sort()).toEqual(['worker-a', 'worker-b']);
    expect(workers.jobRouting.report?.sort()).toEqual(['worker-a', 'worker-b']);

    const submitted = await post('/api/v1/jobs', { jobType: 'ping', parameters: { steps: 5, delayMs: 100 }, priority: 2 });
    expect(submitted.status).toBe(202);
    const { jobId } = (await submitted.json()) as { jobId: string };
    const events = await readSse(`${base}/api/v1/jobs/${jobId}/events`, auth);
    expect(events.at(-1)).toEqual(['completed', expect.objectContaining({ state: 'completed', progressPercent: 100, result: expect.objectContaining({ pong: true }) })]);
    expect(events.filter(([t]) => t === 'progress').map(([, d]) => d.progressPercent)).toContain(100);

    // EventSource sends no headers: a short-lived token in the query works instead.
    const { token } = (await (await post('/api/v1/auth/sse-token', {})).json()) as { token: string };
    const report = (await (await post('/api/v1/jobs', { jobType: 'report', parameters: { top: 3 } })).json()) as { jobId: string };
    const reportEvents = await readSse(`${base}/api/v1/jobs/${report.jobId}/events?access_token=${token}`, {});
    expect(reportEvents.at(-1)![0]).toBe('completed');
    const reportJob = await getJob(report.jobId);
    const stored = Number((await pgExec(`select count(*) as n from ${storeSchema}.raw_events`)).rows[0].n);
    expect(stored).toBeGreaterThan(0);
    expect(JSON.stringify(reportJob.result)).toContain(String(stored));

    const snow = (await (await post('/api/v1/jobs', { jobType: 'snowshoe', parameters: { since: '2000-01-01T00:00:00Z', until: '2100-01-01T00:00:00Z' } })).json()) as { jobId: string };
    const snowJob = await until(snow.jobId, 'completed', 45_000);
    const runs = await pgExec(`select id from ${storeSchema}.detection_runs where detector = 'snowshoe'`);
    expect(runs.rows.map((r) => r.id)).toEqual([(snowJob.result as { runId: string }).runId]);
  });

  it('the statistics API reads it all back as an MCP server would, matching direct queries, and runs jobs through its proxy', async () => {
    const api = spawnCli('api', ['serve', 'api', '--port', '0'], { ...env, COWRIE_COORDINATOR_URL: base });
    procs.push(api);
    const apiBase = (await api.waitFor(/"url":"(http:\/\/[\d.:]+)"/))[1]!;
    const get = async (path: string) => {
      const r = await fetch(`${apiBase}${path}`, { headers: auth });
      expect(r.status, path).toBe(200);
      return ((await r.json()) as { data: any }).data;
    };
    const one = async (q: string) => (await pgExec(q)).rows[0];
    const summary = await get('/api/v1/summary');
    expect(Number(summary.events)).toBe(Number((await one(`select count(*) as n from ${storeSchema}.raw_events`)).n));
    expect(Number(summary.sessions)).toBe(Number((await one(`select count(*) as n from ${storeSchema}.sessions`)).n));
    const top = await one(`select src_ip, count(*) as n from ${storeSchema}.sessions where src_ip is not null group by src_ip order by n desc, src_ip limit 1`);
    const attackers = await get('/api/v1/attackers?limit=1');
    expect(attackers[0].count).toBe(Number(top.n));
    const findings = Number((await one(`select count(*) as n from ${storeSchema}.detection_findings where detector = 'snowshoe'`)).n);
    const detections = await get('/api/v1/detections?detector=snowshoe&limit=200');
    expect(detections.length).toBe(findings);
    // Jobs through the API's proxy (a jobs-scope key), as the dashboard and the MCP server use it.
    const r = await fetch(`${apiBase}/api/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ jobType: 'report', parameters: { top: 1 } }) });
    expect(r.status).toBe(202);
    const { jobId } = (await r.json()) as { jobId: string };
    expect((await until(jobId, 'completed', 30_000)).state).toBe('completed');

    // An MCP server on the API alone (no database access) runs a detector as a job and explains that run.
    const mcp = await connectStdio(['--api', apiBase, '--key', KEY]);
    try {
      const r = await mcp.client.callTool({ name: 'detect_snowshoe', arguments: { since: '2000-01-01T00:00:00Z', until: '2100-01-01T00:00:00Z' } });
      expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
      const out = r.structuredContent as { source: string; findings: unknown[]; total: number };
      expect(out.source).toBe('computed');
      const newest = await one(`select id from ${storeSchema}.detection_runs where detector = 'snowshoe' order by started_at desc limit 1`);
      const linked = Number((await one(`select count(*) as n from ${storeSchema}.detection_run_findings where run_id = '${newest.id}'`)).n);
      expect(out.total).toBe(linked);
    } finally {
      await mcp.close();
    }
  });

  it('refuses invalid submissions with 4xx JSON errors, never 5xx', async () => {
    const cases: Array<[string, Promise<Response>, number, string]> = [
      ['unknown type', post('/api/v1/jobs', { jobType: 'mine-coins', parameters: {} }), 400, 'JOB_TYPE_UNKNOWN'],
      ['bad parameters', post('/api/v1/jobs', { jobType: 'snowshoe', parameters: { since: 'last tuesday' } }), 400, 'JOB_INVALID'],
      ['bad priority', post('/api/v1/jobs', { jobType: 'report', parameters: {}, priority: 0 }), 400, 'JOB_INVALID'],
      ['not JSON', post('/api/v1/jobs', '{"jobType":'), 400, 'BAD_JSON'],
      ['oversized body', post('/api/v1/jobs', { jobType: 'report', parameters: { sensor: 'x'.repeat(70 * 1024) } }), 413, 'BODY_TOO_LARGE'],
      ['missing key', post('/api/v1/jobs', { jobType: 'report', parameters: {} }, {}), 401, 'UNAUTHENTICATED'],
      ['bad key', post('/api/v1/jobs', { jobType: 'report', parameters: {} }, { authorization: 'Bearer not-a-key-at-all-000' }), 401, 'UNAUTHENTICATED'],
      ['read-only key', post('/api/v1/jobs', { jobType: 'report', parameters: {} }, { authorization: `Bearer ${READ_KEY}` }), 403, 'FORBIDDEN'],
      ['unknown job', fetch(`${base}/api/v1/jobs/00000000-0000-0000-0000-000000000000`, { headers: auth }), 404, 'JOB_NOT_FOUND'],
      ['bad list filter', fetch(`${base}/api/v1/jobs?state=sleeping`, { headers: auth }), 400, 'INVALID_PARAM'],
    ];
    for (const [what, res, status, code] of cases) {
      const r = await res;
      const body = (await r.json()) as { error: { code: string; message: string } };
      expect({ what, status: r.status, code: body.error.code }).toEqual({ what, status, code });
      expect(body.error.message.length).toBeGreaterThan(5);
    }
  });

  it('a worker SIGKILLed mid-job: the other worker completes it within 60 s and the data is stored once', async () => {
    const dir = `${REALDATA}alvarogar23__elastic`;
    const { jobId } = (await (await post('/api/v1/jobs', { jobType: 'load', parameters: { paths: [dir], batchSize: 50 } })).json()) as { jobId: string };
    const running = await Promise.race(procs.filter((p) => p.name.startsWith('worker')).map(async (w) => {
      await w.waitFor(new RegExp(`"job started","jobId":"${jobId}"`), 20_000);
      return w;
    }));
    // Let it commit some batches, then kill it without warning.
    const end = Date.now() + 20_000;
    while (!(Number((await getJob(jobId)).processed ?? 0) > 0) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    const t0 = Date.now();
    running.proc.kill('SIGKILL');
    const survivor = procs.find((p) => p.name.startsWith('worker') && p !== running)!;
    const done = await until(jobId, 'completed', 60_000);
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect(running.output(), 'killed mid-job').not.toContain(`"job completed","jobId":"${jobId}"`);
    expect(survivor.output()).toContain(`"job completed","jobId":"${jobId}"`);
    expect(done.result).toMatchObject({ failed: [] });

    // Stored once: a reference load of the same files in one uninterrupted process (SQLite)
    // stores exactly as many events, and loading them again adds none.
    const ref = await openStore(':memory:', { access: 'write' });
    const expected = (await deltaLoad(ref, [dir])).events;
    await ref.close();
    const got = Number((await pgExec(`select count(*) as n from ${storeSchema}.raw_events r join ${storeSchema}.sources s on s.id = r.source_id where s.source_path like '${dir}%'`)).rows[0].n);
    expect(got).toBe(expected);
    const store = await openStore(db, { access: 'write' });
    expect((await deltaLoad(store, [dir])).events).toBe(0);
    await store.close();
  });
});
