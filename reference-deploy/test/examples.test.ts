/**
 * Every script under `examples/` run as a newcomer would run it (`node examples/…`), on the
 * bundled sample in a temp directory, with its output checked against the planted ground truth
 * and direct queries, so the examples cannot rot.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, topN } from '@cowrieprocessor/core';
import { BIN } from './support/mcp-fixture.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = join(ROOT, 'examples/sample/cowrie.json');
const truth = JSON.parse(readFileSync(join(ROOT, 'examples/sample/ground-truth.json'), 'utf8')) as { botnet: { memberIps: string[] } };
const KEY = 'operator-key-0123456789';

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const done = new Promise<{ code: number; out: string; err: string }>((r) => child.once('exit', (code) => r({ code: code ?? -1, out, err })));
  return { child, done, err: () => err };
}

/** Touch every file under `dir` (cached answers are fresh for a TTL after their mtime). */
function touchAll(dir: string): void {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) touchAll(p);
    else utimesSync(p, new Date(), new Date());
  }
}

describe('examples/', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cowrie-examples-'));
    db = join(dir, 'cowrie.sqlite');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('load-and-top-attackers loads the sample and prints the top 5 by sessions', async () => {
    const r = await run(['examples/load-and-top-attackers/index.mjs', SAMPLE, db]).done;
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('loaded 5521 events (0 duplicates, 0 dead letters), 782 sessions');
    const store = await openStore(db, { access: 'read' });
    const top = await topN(store, 'srcIp', { limit: 5 });
    await store.close();
    expect(r.out.trim().split('\n').slice(1)).toEqual(top.map((t, i) => `${i + 1}. ${t.value}  ${t.count} sessions`));
  });

  it('enrich-offline enriches from the disk cache fixture without any API call', async () => {
    const cache = join(dir, 'cache');
    cpSync(join(ROOT, 'examples/enrich-offline/cache'), cache, { recursive: true });
    touchAll(cache);
    const r = await run(['examples/enrich-offline/index.mjs', db, cache]).done;
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^enriched 2 IPs from the cache \(2 hits, \d+ not cached, 0 API calls\)/);
    expect(r.out).toContain('37.174.150.119  27 sessions  AS64500 EXAMPLE-TRANSIT NL reports 41');
    const store = await openStore(db, { access: 'read' });
    const rows = await store.db.selectFrom('enrichment').select(['subject', 'service', 'status']).orderBy('subject').execute();
    await store.close();
    expect(rows).toEqual([
      { subject: '198.18.201.50', service: 'dshield', status: 'found' },
      { subject: '37.174.150.119', service: 'dshield', status: 'found' },
    ]);
  });

  it('detect-snowshoe prints the planted campaign with its reasons', async () => {
    const r = await run(['examples/detect-snowshoe/index.mjs', db]).done;
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^\d+ snowshoe campaign\(s\) in 782 sessions/);
    expect(r.out).toMatch(/score 0\.\d{3} {2}40 IPs {2}79 sessions {2}snowshoe-campaign-/);
    expect(r.out).toContain('  - 40 IPs in 40 /16 networks');
  });

  it('jobs-follow submits a job to `cowrie coordinator` and follows it to completion', async () => {
    const jobsDb = join(dir, 'jobs.sqlite');
    cpSync(db, jobsDb);
    const coord = run([BIN, 'coordinator', '--port', '0', '--db', jobsDb], { COWRIE_QUEUE: 'embedded', COWRIE_DB: jobsDb, COWRIE_API_KEYS: `${KEY}:read+jobs`, COWRIE_LOG_LEVEL: 'warn' });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const t = setInterval(() => {
          const m = /coordinator on (http:\/\/\S+)/.exec(coord.err());
          if (m) {
            clearInterval(t);
            resolve(m[1]!);
          }
        }, 50);
        void coord.done.then((x) => reject(new Error(`coordinator exited ${x.code}: ${x.err}`)));
      });
      const r = await run(['examples/jobs-follow/index.mjs', 'snowshoe', '{"since":"2025-12-01"}'], { COWRIE_COORDINATOR_URL: url, COWRIE_API_KEY: KEY }).done;
      expect(r.code, r.out + r.err).toBe(0);
      const lines = r.out.trim().split('\n');
      expect(lines[0]).toMatch(/^submitted snowshoe job [0-9a-f-]{36}$/);
      expect(lines.at(-2)).toMatch(/^\[#{20}\] 100% completed/);
      expect(lines.at(-1)).toMatch(/^completed: \{.*"runId"/);
      const pcts = lines.slice(1, -1).map((l) => Number(/\] +(\d+)%/.exec(l)![1]));
      expect(pcts.length).toBeGreaterThanOrEqual(4); // status, active, progress …, completed
      expect(pcts[0]).toBe(0);
      expect(pcts.every((p) => p >= 0 && p <= 100)).toBe(true);
    } finally {
      coord.child.kill('SIGTERM');
      await coord.done;
    }
  });

  it('mcp-detector-tool serves find_botnets to the SDK client', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [join(ROOT, 'examples/mcp-detector-tool/server.mjs'), db], cwd: ROOT, stderr: 'pipe', env: { PATH: process.env.PATH ?? '' } });
    const client = new Client({ name: 'examples-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['find_botnets']);
      const r = (await client.callTool({ name: 'find_botnets', arguments: {} })) as unknown as { isError?: boolean; structuredContent: { clusters: Array<{ ips: string[]; reasons: string[] }> } };
      expect(r.isError).toBeFalsy();
      expect(r.structuredContent.clusters[0]!.ips.sort()).toEqual([...truth.botnet.memberIps].sort());
      expect(r.structuredContent.clusters[0]!.reasons.length).toBeGreaterThan(0);
      const bad = (await client.callTool({ name: 'find_botnets', arguments: { since: 42 } })) as { isError?: boolean };
      expect(bad.isError).toBe(true);
    } finally {
      await client.close();
    }
  });
});
