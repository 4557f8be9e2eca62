#!/usr/bin/env node
// Jobs end to end through the coordinator's HTTP API, per queue engine: tiny `ping` jobs (one
// progress update each), one job per POST, counting COMPLETED jobs (the queue's own count, from the
// coordinator's /metrics), plus submit-to-start latency and progress-event latency (worker clock in the
// progress step → SSE arrival). Each engine's processes start once; the first --warmup jobs after start
// are reported apart ("cold": JIT, lazy module loads, first connections), then --runs rounds of --jobs
// each are measured and reported as median and range. Prints markdown; edits no file.
//   node bench/jobs.mjs [--jobs 2000] [--runs 3] [--warmup 1000] [--engines postgres,redis,embedded] [--workers 1] [--concurrency 8]
// Needs `npm run build`, PostgreSQL at 127.0.0.1:5432 (db test) and Redis at 127.0.0.1:6379.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Redis } from 'ioredis';

const arg = (n, d) => { const i = process.argv.indexOf(`--${n}`); return i > 0 ? process.argv[i + 1] : d; };
const JOBS = Number(arg('jobs', 2000));
const RUNS = Number(arg('runs', 3));
const WARMUP = Number(arg('warmup', 1000));
const ENGINES = arg('engines', 'postgres,redis,embedded').split(',');
const WORKERS = Number(arg('workers', 1));
const CONCURRENCY = arg('concurrency', '8');
const PG = process.env.COWRIE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS = process.env.COWRIE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CLI = fileURLToPath(new URL('../packages/cli/bin/cowrie.js', import.meta.url));
const KEY = 'bench-key-0123456789abcdef';
const auth = { authorization: `Bearer ${KEY}` };
// Extra node flags for the spawned services, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
// (NODE_OPTIONS refuses --cpu-prof).
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

function spawnCli(args, env) {
  const p = spawn(process.execPath, [...NODE_ARGS, CLI, ...args], { env: { ...process.env, ...env, COWRIE_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
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
        procs.push(spawnCli(['worker', '--id', `bench-${n}`, '--queues', 'ping', '--concurrency', CONCURRENCY], env));
      }
      // Ready when the registry shows them all (their logs are at warn: nothing per job).
      while ((await (await fetch(`${base}/api/v1/workers`, { headers: auth })).json()).workers.length < WORKERS) await sleep(100);
    }
    // Throughput: n tiny jobs, one per request, 16 requests in flight, until all n completed.
    const round = async (n) => {
      const before = await completed(base);
      const t0 = performance.now();
      let next = 0;
      await Promise.all(Array.from({ length: 16 }, async () => { while (next++ < n) await submit(base, { steps: 1 }); }));
      const tSubmitted = performance.now();
      // Every scrape reads the queue counts from the engine: poll gently, it competes with the jobs.
      while ((await completed(base)) - before < n) await sleep(25);
      return { jobsPerSec: n / ((performance.now() - t0) / 1000), submitPerSec: n / ((tSubmitted - t0) / 1000) };
    };
    // This test server runs with autovacuum off: BullMQ's job and event tables then bloat round after
    // round (every job row is rewritten 4–5 times), which a deployment's autovacuum would clean.
    // Do its work between rounds, outside the timed window, and say so in the notes.
    const vacuum = async () => {
      if (engine !== 'postgres') return;
      const c = new pg.Client(PG);
      await c.connect();
      try {
        if ((await c.query('show autovacuum')).rows[0].autovacuum === 'off') {
          vacuumed = true;
          for (const t of ['job', 'event', 'meta']) await c.query(`vacuum analyze bench_q_${id}.${t}`);
        }
      } finally {
        await c.end();
      }
    };
    const cold = await round(WARMUP);
    const rounds = [];
    for (let r = 0; r < RUNS; r++) {
      await vacuum();
      rounds.push(await round(JOBS));
    }
    // Latencies on an idle queue, one job at a time.
    const startLat = [];
    const progLat = [];
    for (let i = 0; i < 30; i++) {
      const jobId = await submit(base, { steps: 3, delayMs: 30 });
      progLat.push(...(await sseProgressLatency(base, jobId)));
      const job = await (await fetch(`${base}/api/v1/jobs/${jobId}`, { headers: auth })).json();
      startLat.push(Date.parse(job.startedAt) - Date.parse(job.createdAt));
    }
    const rates = rounds.map((r) => r.jobsPerSec);
    return { engine, cold: cold.jobsPerSec, median: pct(rates, 0.5), min: Math.min(...rates), max: Math.max(...rates), submitPerSec: pct(rounds.map((r) => r.submitPerSec), 0.5), startP50: pct(startLat, 0.5), startP95: pct(startLat, 0.95), progP50: pct(progLat, 0.5), progP95: pct(progLat, 0.95) };
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await sleep(1500);
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
    if (engine === 'postgres') { const c = new pg.Client(PG); await c.connect(); await c.query(`drop schema if exists bench_q_${id} cascade`); await c.end(); }
    if (engine === 'redis') { const r = new Redis(REDIS); const keys = await r.keys(`bench-${id}:*`); if (keys.length) await r.del(...keys); r.disconnect(); }
  }
}

const os = await import('node:os');
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
const loadBefore = load();
let vacuumed = false;
const rows = [];
for (const e of ENGINES) rows.push(await run(e));
const n = (x) => Math.round(x).toLocaleString('en-US');
console.log(`## Jobs end to end (coordinator HTTP API, tiny ping jobs, one per request, 16 requests in flight; Node ${process.version}, ${os.cpus().length} cores)\n`);
console.log(`| engine | completed jobs/s, median of ${RUNS} × ${JOBS} (min–max) | cold: first ${WARMUP} jobs after start | submissions/s (median) | submit→start p50 / p95 (ms) | progress event p50 / p95 (ms) |`);
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.engine} | ${n(r.median)} (${n(r.min)}–${n(r.max)}) | ${n(r.cold)} | ${n(r.submitPerSec)} | ${r.startP50} / ${r.startP95} | ${r.progP50} / ${r.progP95} |`);
console.log(`\nBullMQ engines: one coordinator and ${WORKERS} worker(s) (--queues ping --concurrency ${CONCURRENCY}) as separate processes; embedded: the coordinator runs the jobs (concurrency 32). Jobs/s counts completed jobs from the first submission of a round to its last completion; each engine's processes start once, run ${WARMUP} jobs (the cold column), then the measured rounds. ${vacuumed ? 'PostgreSQL here runs with autovacuum off, so the bench runs `VACUUM ANALYZE` on the queue tables before each measured round (untimed), as autovacuum would; without it every round is slower than the last. ' : ''}Client, coordinator, worker and the queue server share the 2 cores; load average (1 / 5 / 15 min) ${loadBefore} at the start, ${load()} at the end (other work on the machine makes the numbers noisy).`);
