import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RefreshResult } from '../../src/refresh/index.js';
import { fakeEnv, startFakeServices, type FakeServices } from '../support/fake-servers/index.js';
import { loadEnrichFixture } from '../support/enrich-fixture.js';
import { createTestDatabase, testDialects } from '../support/dialects.js';
import { tempDir } from '../support/cache-factories.js';

const CHILD = fileURLToPath(new URL('../support/refresh-child.ts', import.meta.url));

function runChild(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ...env }, cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.each(testDialects())('three processes sharing the SQL cache on %s', (dialect) => {
  let fakes: FakeServices;
  beforeAll(async () => {
    fakes = await startFakeServices();
  });
  afterAll(async () => {
    await fakes.close();
  });

  it('make one API call per key between them', async () => {
    const dir = tempDir();
    const db = createTestDatabase(dialect);
    try {
      const store = await db.open();
      const fixture = await loadEnrichFixture(store, dir.dir, 30);
      await store.close();
      // Slow answers keep every process busy at once, so they really contend for the same keys.
      for (const s of ['dshield', 'urlhaus', 'spur', 'virustotal', 'hibp'] as const) fakes.setFault(s, { kind: 'slow', delayMs: 40 });
      const env = { ...fakeEnv(fakes), COWRIE_TEST_TARGET: db.target, COWRIE_TEST_START_AT: String(Date.now() + 4000) };
      const runs = await Promise.all([runChild(env), runChild(env), runChild(env)]);
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const results = runs.map((r) => JSON.parse(r.stdout.trim().split('\n').pop()!) as RefreshResult);

      const perKey = new Map<string, number>();
      for (const q of fakes.requests) {
        const key = `${q.service} ${q.method} ${q.path} ${q.body}`;
        perKey.set(key, (perKey.get(key) ?? 0) + 1);
      }
      const repeated = [...perKey].filter(([, n]) => n > 1);
      expect(repeated, 'keys asked more than once').toEqual([]);
      expect(fakes.requestsFor('dshield').length).toBe(fixture.ips.length);
      expect(results.reduce((n, r) => n + r.apiCalls, 0)).toBe(fakes.requests.length);
      // Work was shared: more than one process did some of it, or waited for another's answers.
      expect(results.filter((r) => r.apiCalls > 0 || r.cacheHits > 0).length).toBeGreaterThan(1);
    } finally {
      fakes.clearFaults();
      await db.drop();
      dir.remove();
    }
  }, 120_000);
});
