#!/usr/bin/env node
// Statistics API benchmark (issue 7): req/s (2xx only) and latency of the hot aggregates
// (top attackers, summary) and the sessions list on a database of >= 1M events, with auth,
// validation, the per-key rate limit and JSON request logging all on, the API in its own process
// (the built CLI, as the image runs it) and autocannon on the same 2 cores. Prints markdown.
//
//   node bench/api.mjs [--db sqlite|postgres|both] [--seconds 10] [--connections 20]
//
// The database is built once with core's bulkLoad from .bench-data/realdata-x5 (made by
// bench/make-dataset.mjs) and reused: .bench-data/api-bench.sqlite and PostgreSQL schema api_bench.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import * as core from '../packages/core/dist/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const which = opt('--db', 'postgres');
const seconds = Number(opt('--seconds', '10'));
const connections = Number(opt('--connections', '20'));
const pgBase = process.env.COWRIE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const KEY = 'bench-key-0123456789abcdef';
const dataDir = join(root, '.bench-data/realdata-x5');

async function ensureDatabase(target) {
  if (!existsSync(join(dataDir, 'DONE'))) spawnSync(process.execPath, [join(root, 'bench/make-dataset.mjs')], { stdio: 'inherit' });
  const store = await core.openStore(target, { access: 'migrate' });
  try {
    // The bench database is reused across runs: bring it to the current schema (the API refuses older ones).
    if (store.schemaVersion < core.CURRENT_SCHEMA_VERSION) await store.migrate();
    const n = Number((await store.db.selectFrom('raw_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    if (n >= 1_000_000) return n;
    const files = readdirSync(dataDir).filter((f) => f.endsWith('.json')).map((f) => join(dataDir, f));
    console.error(`building ${target} from ${files.length} files …`);
    const r = await core.bulkLoad(store, files);
    return n + r.events;
  } finally {
    await store.close();
  }
}

async function startApi(db, env = {}) {
  const log = openSync(join(root, '.bench-data/api-bench.log'), 'a');
  const child = spawn(process.execPath, [join(root, 'packages/cli/dist/bin.js'), 'serve', 'api', '--port', '0', '--db', db], {
    env: { ...process.env, COWRIE_API_KEYS: `${KEY}:read`, COWRIE_API_RATE: '1000000/s', COWRIE_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', log, 'pipe'],
  });
  const url = await new Promise((res, rej) => {
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      const m = /statistics API on (http:\/\/\S+)/.exec(err);
      if (m) res(m[1]);
    });
    child.once('exit', (code) => rej(new Error(`API exited ${code}: ${err}`)));
  });
  return { url, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) };
}

const get = (url) => fetch(url, { headers: { authorization: `Bearer ${KEY}` } });

async function cacheMiss(base, path, n = 3) {
  // A window no earlier request used: every request is a cache miss computed from the database.
  const ms = [];
  for (let i = 0; i < n; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const t0 = performance.now();
    const r = await get(`${base}${path}${sep}since=1970-01-01T00:00:0${i}.${String(Date.now() % 1e6).padStart(6, '0')}Z`);
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

async function load(base, path, extra = {}) {
  await (await get(base + path)).arrayBuffer(); // warm the cache as production traffic would
  const r = await autocannon({ url: base + path, connections, duration: seconds, headers: { authorization: `Bearer ${KEY}` }, ...extra });
  return { rps: r['2xx'] / (r.duration || seconds), ok: r['2xx'], other: r.non2xx + r.errors + r.timeouts, p50: r.latency.p50, p975: r.latency.p97_5, p99: r.latency.p99 };
}

const ENDPOINTS = [['top attackers', '/api/v1/attackers?limit=10'], ['summary', '/api/v1/summary?limit=10'], ['sessions list', '/api/v1/sessions?limit=100']];
const rows = [];
const targets = [];
if (which === 'sqlite' || which === 'both') targets.push(['SQLite', join(root, '.bench-data/api-bench.sqlite')]);
if (which === 'postgres' || which === 'both') targets.push(['PostgreSQL', `${pgBase}?schema=api_bench`]);
for (const [name, db] of targets) {
  const events = await ensureDatabase(db);
  const api = await startApi(db);
  try {
    for (const [label, path] of ENDPOINTS) {
      const miss = await cacheMiss(api.url, path);
      const hot = await load(api.url, path);
      const pred = await load(api.url, path, { overallRate: 100, connections: 10 });
      rows.push({ name, events, label, path, miss, hot, pred });
      console.error(`${name} ${label}: ${Math.round(hot.rps)} req/s p99 ${hot.p99} ms; miss ${miss.map((m) => m.toFixed(0)).join('/')} ms`);
    }
  } finally {
    await api.stop();
  }
}

const f = (n) => Math.round(n).toLocaleString('en-US');
console.log(`## Statistics API (\`npm run bench:api\`)\n`);
console.log(`Node ${process.version}, ${connections} connections × ${seconds} s per endpoint, autocannon in this process and the API in its own (\`cowrie serve api\`, the image's command) on the same 2 cores; bearer key, zod validation, per-key token bucket (1,000,000/s, above the load) and JSON request logs (to a file) all on. Only 2xx responses are counted. Hot aggregates come from the answer cache: fresh 2 s, then served stale while one background refresh runs, never older than 5 s; "cache miss" is a window no request used before (3 sequential requests: min / median / max).\n`);
console.log('| database | endpoint | req/s (2xx) | p50 ms | p99 ms | non-2xx | cache miss ms | 100 req/s: p97.5 ms (≥ p95) |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.name} (${f(r.events)} events) | ${r.label} \`${r.path}\` | ${f(r.hot.rps)} | ${r.hot.p50} | ${r.hot.p99} | ${r.hot.other} | ${r.miss.map((m) => m.toFixed(0)).join(' / ')} | ${r.pred.p975} |`);
}
console.log('\nTargets: ≥ 3,000 req/s with p99 < 50 ms for the hot aggregates (issue 7); predecessor: 100 req/s sustained with p95 < 100 ms.');
