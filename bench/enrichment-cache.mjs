#!/usr/bin/env node
// Enrichment cache benchmark (issue 4), on the built dist: cache get p50/p99 for disk, SQLite,
// PostgreSQL and hybrid; a 1,000-key batch get; `enrich refresh` IPs/s on a fresh database with a
// warm cache (every lookup a cache hit, none skipped as already fresh). Prints a markdown table
// on stdout (progress on stderr). Options: --keys N (default 20000), --skip-pg.
// Usage: npm run build && node bench/enrichment-cache.mjs
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { bulkLoad, openStore } from '@cowrieprocessor/core';
import {
  createDiskCache, createHybridCache, createMemoryRateLimiter, createServiceClients, createSqlCache, makeEntry, refreshEnrichment, resolveEnrichmentConfig,
} from '@cowrieprocessor/enrichment';

const args = process.argv.slice(2);
const N = Number(args[args.indexOf('--keys') + 1] || 20000) || 20000;
const skipPg = args.includes('--skip-pg');
const pgUrl = process.env.COWRIE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const GETS = 3000;
const BATCH_RUNS = 30;
const tmp = mkdtempSync(join(tmpdir(), 'cowrie-bench-enrich-'));
const log = (...a) => console.error(...a);
const schemas = [];

const ip = (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
const ips = Array.from({ length: N }, (_, i) => ip(i + 1));
// Realistic raw answers (wire-formats.md): what the caches hold.
const raw = {
  dshield: (a) => ({ ip: { number: a, count: '12', attacks: 3, maxdate: '2024-03-01', mindate: '2024-01-02', updated: '2024-03-01 06:15:59', comment: null, maxrisk: null, asabusecontact: 'abuse@example.net', as: 64500, asname: 'EXAMPLE-AS - Example Networks', ascountry: 'NL', assize: 66192, network: '10.0.0.0/8', threatfeeds: { forumspam: { firstseen: '2020-01-15', lastseen: '2020-01-15' } } } }),
  urlhaus: (a) => ({ query_status: 'ok', urlhaus_reference: `https://urlhaus.abuse.ch/host/${a}/`, host: a, firstseen: '2024-01-15 07:09:01 UTC', url_count: '2', blacklists: { spamhaus_dbl: 'not listed', surbl: 'not listed' }, urls: [{ id: '1', url: `http://${a}/bins/x86`, url_status: 'online', tags: ['elf', 'mirai'] }, { id: '2', url: `http://${a}/bins/arm`, url_status: 'offline', tags: null }] }),
  spur: (a) => ({ ip: a, as: { number: 64500, organization: 'EXAMPLE-AS' }, organization: 'Example', infrastructure: 'DATACENTER', client: { behaviors: ['TOR_PROXY_USER'], concentration: { country: 'US', geohash: '9yz', skew: 45 }, count: 14, countries: 1, proxies: [], spread: 4941431, types: ['DESKTOP'] }, location: { city: 'Amsterdam', country: 'NL', state: 'North Holland' }, risks: ['TUNNEL'], services: ['OPENVPN'], tunnels: [{ anonymous: true, entries: [a], operator: 'NORD_VPN', type: 'VPN' }] }),
};
const entries = (service) => ips.map((a) => makeEntry(service, a, 'found', raw[service](a)));

function quantiles(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p99: q(0.99) };
}
async function timeGets(cache) {
  const keys = Array.from({ length: GETS }, () => ips[Math.floor(Math.random() * N)]);
  for (const k of keys.slice(0, 200)) await cache.get('dshield', k); // warm up
  const t = [];
  for (const k of keys) {
    const s = process.hrtime.bigint();
    const e = await cache.get('dshield', k);
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
    if (!e) throw new Error(`miss for ${k} in ${cache.name}`);
  }
  return quantiles(t);
}
async function timeBatch(cache) {
  const t = [];
  for (let r = 0; r < BATCH_RUNS; r++) {
    const start = Math.floor(Math.random() * (N - 1000));
    const keys = ips.slice(start, start + 1000);
    const s = process.hrtime.bigint();
    const m = await cache.getMany('dshield', keys);
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
    if (m.size !== 1000) throw new Error(`batch got ${m.size} in ${cache.name}`);
  }
  return quantiles(t);
}
async function openTarget(kind) {
  if (kind === 'sqlite') return openStore(join(tmp, `bench-${Math.random().toString(36).slice(2)}.sqlite`));
  const schema = `bench_enrich_${Math.random().toString(36).slice(2, 10)}`;
  schemas.push(schema);
  return openStore(`${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=${schema}`);
}
/** A Cowrie log with one session per IP, so that refresh has N distinct source IPs to enrich. */
function writeLog() {
  const path = join(tmp, 'sessions.json');
  writeFileSync(path, ips.map((a, i) => JSON.stringify({ eventid: 'cowrie.session.connect', session: `b${i.toString(16).padStart(11, '0')}`, src_ip: a, src_port: 40000, dst_ip: '10.255.0.1', dst_port: 22, protocol: 'ssh', sensor: 'bench', timestamp: `2024-03-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i % 1e6).padStart(6, '0')}Z` })).join('\n') + '\n');
  return path;
}
const offlineClients = () => createServiceClients(resolveEnrichmentConfig({ env: { COWRIE_DSHIELD_EMAIL: 'bench@example.org', COWRIE_URLHAUS_KEY: 'x', COWRIE_SPUR_KEY: 'x', COWRIE_DSHIELD_URL: 'http://127.0.0.1:9/api', COWRIE_URLHAUS_URL: 'http://127.0.0.1:9/v1', COWRIE_SPUR_URL: 'http://127.0.0.1:9/v2' }, sensorsToml: null }), { limiter: createMemoryRateLimiter() });

const rows = [];
const fmt = (x) => (x < 1 ? x.toFixed(3) : x.toFixed(2));
try {
  const logPath = writeLog();
  const dshield = entries('dshield');
  log(`disk cache: writing ${N} entries…`);
  const diskDir = join(tmp, 'disk-cache');
  const disk = createDiskCache({ dir: diskDir });
  for (let i = 0; i < dshield.length; i += 200) await Promise.all(dshield.slice(i, i + 200).map((e) => disk.set(e)));
  const dialects = skipPg ? ['sqlite'] : ['sqlite', 'postgres'];
  const sqlStores = {};
  for (const d of dialects) {
    log(`${d}: writing ${N} entries…`);
    const store = await openTarget(d);
    sqlStores[d] = store;
    await createSqlCache(store).setMany(dshield);
  }
  for (const [name, cache] of [
    ['disk (predecessor layout)', disk],
    ...dialects.map((d) => [`SQL (${d === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`, createSqlCache(sqlStores[d])]),
    ['hybrid (SQLite, then disk)', createHybridCache({ sql: createSqlCache(sqlStores.sqlite), disk })],
  ]) {
    log(`${name}: get / getMany…`);
    const g = await timeGets(cache);
    const b = await timeBatch(cache);
    rows.push({ name, p50: g.p50, p99: g.p99, batchP50: b.p50, batchP99: b.p99 });
    await cache.close();
  }

  // Refresh on a fresh database, warm cache: every one of N IPs x 3 services is a cache hit.
  const refreshRows = [];
  for (const d of dialects) {
    log(`refresh (${d}, SQL cache warm)…`);
    const store = await openTarget(d);
    await bulkLoad(store, [logPath]);
    const cache = createSqlCache(store);
    for (const s of ['dshield', 'urlhaus', 'spur']) await cache.setMany(s === 'dshield' ? dshield : entries(s));
    const r = await refreshEnrichment(store, { cache, clients: offlineClients(), services: ['dshield', 'urlhaus', 'spur'] });
    if (r.apiCalls !== 0 || r.ips !== N || r.cacheHits !== 3 * N) throw new Error(`refresh was not fully cached: ${JSON.stringify(r)}`);
    refreshRows.push({ name: `${d === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, SQL cache in the same database`, ips: r.ips, seconds: r.seconds });
    await cache.close();
    await store.close();
  }
  {
    log('refresh (sqlite, warm disk cache, fresh database)…');
    const dir2 = join(tmp, 'disk-cache-3');
    const d3 = createDiskCache({ dir: dir2 });
    for (const s of ['dshield', 'urlhaus', 'spur']) {
      const es = s === 'dshield' ? dshield : entries(s);
      for (let i = 0; i < es.length; i += 200) await Promise.all(es.slice(i, i + 200).map((e) => d3.set(e)));
    }
    const store = await openTarget('sqlite');
    await bulkLoad(store, [logPath]);
    const r = await refreshEnrichment(store, { cache: d3, clients: offlineClients(), services: ['dshield', 'urlhaus', 'spur'] });
    if (r.apiCalls !== 0 || r.ips !== N) throw new Error(`refresh was not fully cached: ${JSON.stringify(r)}`);
    refreshRows.push({ name: 'SQLite, disk cache (predecessor layout) only', ips: r.ips, seconds: r.seconds });
    await store.close();
  }
  for (const s of Object.values(sqlStores)) await s.close();

  const out = [];
  out.push(`### Enrichment cache (\`node bench/enrichment-cache.mjs\`, ${N.toLocaleString('en-US')} DShield entries per cache, ${GETS.toLocaleString('en-US')} random gets, ${BATCH_RUNS} batches)`);
  out.push('');
  out.push('| cache | get p50 (ms) | get p99 (ms) | 1,000-key batch p50 (ms) | batch p99 (ms) |');
  out.push('|---|---:|---:|---:|---:|');
  for (const r of rows) out.push(`| ${r.name} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.batchP50)} | ${fmt(r.batchP99)} |`);
  out.push('');
  out.push(`| \`enrich refresh\`, fresh database, warm cache (${N.toLocaleString('en-US')} IPs × DShield, URLhaus, SPUR; 0 API calls) | IPs | seconds | IPs/s |`);
  out.push('|---|---:|---:|---:|');
  for (const r of refreshRows) out.push(`| ${r.name} | ${r.ips.toLocaleString('en-US')} | ${r.seconds.toFixed(2)} | ${Math.round(r.ips / r.seconds).toLocaleString('en-US')} |`);
  out.push('');
  out.push('Targets (issue 4): SQL get p50 < 0.5 ms (SQLite) and < 1 ms (PostgreSQL on loopback), 1,000-key batch < 20 ms, fully cached refresh ≥ 5,000 IPs/s.');
  console.log(out.join('\n'));
} finally {
  rmSync(tmp, { recursive: true, force: true });
  if (schemas.length > 0) {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`drop schema if exists ${schemas.join(', ')} cascade`);
    await c.end();
  }
}
