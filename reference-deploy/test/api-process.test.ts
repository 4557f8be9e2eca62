/**
 * `cowrie serve api` as a process, with the env the image uses: it serves, exposes its metrics,
 * stops cleanly on SIGTERM, and refuses to start (exit 2, one clear line) without keys, on an
 * empty database (which it must not create) and on an older schema.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoad } from '@cowrieprocessor/core';
import { API_METRIC_NAMES } from '../src/api/index.js';
import { createTestDatabase, pgExec, type TestDatabase } from './support/dialects.js';
import { KEYS, READ_KEY, SAMPLE } from './support/api-fixture.js';

const BIN = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));
const IMAGE_ENV = { COWRIE_API_HOST: '127.0.0.1', COWRIE_LOG_LEVEL: 'info', NODE_ENV: 'production' };

function run(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...IMAGE_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number>((r) => child.once('exit', (code) => r(code ?? -1)));
  const url = new Promise<string>((resolve, reject) => {
    child.stderr.on('data', () => {
      const m = /statistics API on (http:\/\/\S+)/.exec(stderr);
      if (m) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  url.catch(() => undefined); // awaited only by the tests that expect the server to start
  return { child, exited, url, out: () => stdout, err: () => stderr };
}

describe('cowrie serve api as a process', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = createTestDatabase('sqlite');
    const store = await db.open({ access: 'write' });
    await bulkLoad(store, [SAMPLE]);
    await store.close();
  });
  afterAll(async () => db?.drop());

  it('serves with the image env, exposes its metrics, logs JSON with request ids, stops on SIGTERM', async () => {
    const p = run(['serve', 'api', '--port', '0'], { COWRIE_DB: db.target, COWRIE_API_KEYS: KEYS });
    const url = await p.url;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ready = (await (await fetch(`${url}/readyz`)).json()) as { status: string; schemaVersion: number };
    expect(ready.status).toBe('ready');
    const res = await fetch(`${url}/api/v1/summary`, { headers: { authorization: `Bearer ${READ_KEY}`, 'x-request-id': 'test-req-1' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('test-req-1');
    expect(((await res.json()) as { data: { sessions: number } }).data.sessions).toBe(782);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    for (const name of API_METRIC_NAMES) expect(metrics).toContain(`# TYPE ${name} `);
    expect(metrics).toMatch(/cowrie_api_requests_total\{method="GET",route="\/api\/v1\/summary",status="200"\} 1/);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    const line = p.out().split('\n').map((l) => (l ? JSON.parse(l) : null)).find((l) => l?.requestId === 'test-req-1');
    expect(line).toMatchObject({ level: 'info', msg: 'request', route: '/api/v1/summary', status: 200 });
    expect(p.out()).not.toContain(READ_KEY);
  });

  it('refuses to start without keys', async () => {
    const p = run(['serve', 'api', '--port', '0'], { COWRIE_DB: db.target });
    expect(await p.exited).toBe(2);
    expect(p.err()).toContain('COWRIE_API_KEYS');
  });

  it('never creates a schema: an empty SQLite path and an empty PostgreSQL schema are refused', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cowrie-api-')), 'none.sqlite');
    const p = run(['serve', 'api', '--port', '0', '--db', path], { COWRIE_API_KEYS: KEYS });
    expect(await p.exited).toBe(2);
    expect(p.err()).toMatch(/no cowrieprocessor schema.*cowrie db migrate/);
    expect(existsSync(path)).toBe(false);
    const pg = createTestDatabase('postgres');
    try {
      const q = run(['serve', 'api', '--port', '0'], { COWRIE_DB_READ: pg.target, COWRIE_API_KEYS: KEYS });
      expect(await q.exited).toBe(2);
      expect(q.err()).toMatch(/no cowrieprocessor schema/);
      const schema = new URL(pg.target).searchParams.get('schema');
      const r = await pgExec('select count(*)::int as n from information_schema.tables where table_schema = $1', [schema]);
      expect(r.rows[0].n).toBe(0);
    } finally {
      await pg.drop();
    }
  });

  it('refuses an older schema with a clear line', async () => {
    const old = createTestDatabase('sqlite');
    const store = await old.open({ access: 'write' });
    await store.db.updateTable('schema_meta').set({ value: '2' }).where('key', '=', 'schema_version').execute();
    await store.close();
    try {
      const p = run(['serve', 'api', '--port', '0', '--db', old.target], { COWRIE_API_KEYS: KEYS });
      expect(await p.exited).toBe(2);
      expect(p.err()).toMatch(/schema version 2.*cowrie db migrate/);
    } finally {
      await old.drop();
    }
  });
});
