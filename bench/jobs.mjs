#!/usr/bin/env node
// Jobs end to end through the coordinator's HTTP API, per queue engine: tiny `ping` jobs (one
// progress update each), one job per POST, counting COMPLETED jobs (the queue's own count, from the
// coordinator's /metrics), plus submit-to-start latency and progress-event latency (worker clock in the
// progress step → SSE arrival). Prints markdown; edits no file.
//   node bench/jobs.mjs [--jobs 2000] [--engines postgres,redis,embedded] [--workers 1] [--concurrency 8]
// Needs `npm run build`, PostgreSQL at 127.0.0.1:5432 (db test) and Redis at 127.0.0.1:6379.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Redis } from 'ioredis';

const arg = (n, d) => { const i = process.argv.indexOf(`--${n}`); return i > 0 ? process.argv[i + 1] : d; };
const JOBS = Number(arg('jobs', 2000));
const ENGINES = arg('engines', 'postgres,redis,embedded').split(',');
const WORKERS = Number(arg('workers', 1));
const CONCURRENCY = arg('concurrency', '8');
const PG = process.env.COWRIE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS = process.env.COWRIE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CLI = fileURLToPath(new URL('../packages/cli/bin/cowrie.js', import.meta.url));
const KEY = 'bench-key-0123456789abcdef';
const auth = { authorization: `Bearer ${KEY}` };

function spawnCli(args, env) {
  const p = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env, COWRIE_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const waiters = [];
  const feed = (b) => { out += b; for (const w of waiters.splice(0)) w(); };
  p.stdout.on('data', feed);
  p.stderr.on('data', feed);
  p.waitFor = async (re) => { for (;;) { const m = out.match(re); if (m) return m; if (p.exitCode !== null) throw new Error(out); await new Promise((r) => waiters.push(r)); } };
  return p;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };

async function completed(base) {
  const text = await (await fetch(`${base}/metrics`)).text();
  // Completed jobs as the queue counts them (not the event counter: events may be dropped).
  const m = /cowrie_queue_jobs\{queue="ping",state="completed"\} (\d+)/.exec(text);
  return m ? Number(m[1]) : 0;
}

// node:http with keep-alive: fetch (undici) costs more CPU per request than the coordinator
// does on this 2-core machine, and would measure the client instead.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function submit(base, parameters) {
  const u = new URL(`${base}/api/v1/jobs`);
  const body = JSON.stringify({ jobType: 'ping', parameters });
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent,
      headers: { ...auth, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let d = '';
      res.on('data', (c) => (d += c));
      res.on('end', () => (res.statusCode === 202 ? resolve(JSON.parse(d).jobId) : reject(new Error(`submit: HTTP ${res.statusCode} ${d}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function sseProgressLatency(base, jobId) {
  const res = await fetch(`${base}/api/v1/jobs/${jobId}/events`, { headers: { ...auth, accept: 'text/event-stream' } });
  const lat = [];
  let buf = '';
  const dec = new TextDecoder();
  for await (const chunk of res.body) {
    const now = Date.now();
    buf += dec.decode(chunk, { stream: true });
    let i;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      if (!/^event: ?progress$/m.test(block)) continue;
      const data = JSON.parse(/^data: ?(.*)$/m.exec(block)[1]);
      const at = / at (\d+)$/.exec(data.currentStep ?? '');
      if (at) lat.push(now - Number(at[1]));
    }
  }
  return lat;
}

async function run(engine) {
  const id = randomBytes(4).toString('hex');
  const queue = engine === 'postgres' ? `${PG}?schema=bench_q_${id}` : engine === 'redis' ? `${REDIS}?prefix=bench-${id}` : 'embedded';
  const env = { COWRIE_QUEUE: queue, COWRIE_API_KEYS: `${KEY}:read+jobs`, COWRIE_DB: ':memory:' };
  const procs = [];
  try {
    const coord = spawnCli(['coordinator', '--port', '0', '--concurrency', '32'], env);
    procs.push(coord);
    const base = (await coord.waitFor(/coordinator on (http:\/\/[\d.:]+)/))[1];
    if (engine !== 'embedded') {
      for (let n = 0; n < WORKERS; n++) {
        const w = spawnCli(['worker', '--id', `bench-${n}`, '--queues', 'ping', '--concurrency', CONCURRENCY], env);
        procs.push(w);
        await w.waitFor(/worker started/);
      }
    }
    await submit(base, { steps: 1 }); // warm up
    while ((await completed(base)) < 1) await sleep(20);
    // Throughput: JOBS tiny jobs, one per request, 16 requests in flight.
    const before = await completed(base);
    const t0 = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => { while (next++ < JOBS) await submit(base, { steps: 1 }); }));
    const tSubmitted = performance.now();
    while ((await completed(base)) - before < JOBS) await sleep(10);
    const seconds = (performance.now() - t0) / 1000;
    // Latencies on an idle queue, one job at a time.
    const startLat = [];
    const progLat = [];
    for (let i = 0; i < 30; i++) {
      const jobId = await submit(base, { steps: 3, delayMs: 30 });
      progLat.push(...(await sseProgressLatency(base, jobId)));
      const job = await (await fetch(`${base}/api/v1/jobs/${jobId}`, { headers: auth })).json();
      startLat.push(Date.parse(job.startedAt) - Date.parse(job.createdAt));
    }
    return { engine, jobs: JOBS, seconds, jobsPerSec: JOBS / seconds, submitPerSec: JOBS / ((tSubmitted - t0) / 1000), startP50: pct(startLat, 0.5), startP95: pct(startLat, 0.95), progP50: pct(progLat, 0.5), progP95: pct(progLat, 0.95) };
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await sleep(1500);
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
    if (engine === 'postgres') { const c = new pg.Client(PG); await c.connect(); await c.query(`drop schema if exists bench_q_${id} cascade`); await c.end(); }
    if (engine === 'redis') { const r = new Redis(REDIS); const keys = await r.keys(`bench-${id}:*`); if (keys.length) await r.del(...keys); r.disconnect(); }
  }
}

const rows = [];
for (const e of ENGINES) rows.push(await run(e));
console.log(`## Jobs end to end (coordinator HTTP API, tiny ping jobs, ${JOBS} per engine, 16 requests in flight; Node ${process.version}, ${(await import('node:os')).cpus().length} cores)\n`);
console.log('| engine | completed jobs/s | submissions/s | submit→start p50 / p95 (ms) | progress event p50 / p95 (ms) |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.engine} | ${r.jobsPerSec.toFixed(0)} | ${r.submitPerSec.toFixed(0)} | ${r.startP50} / ${r.startP95} | ${r.progP50} / ${r.progP95} |`);
console.log(`\nBullMQ engines: one coordinator and ${WORKERS} worker(s) (--queues ping --concurrency ${CONCURRENCY}) as separate processes; embedded: the coordinator runs the jobs (concurrency 32). Jobs/s counts completed jobs from first submission to last completion.`);
