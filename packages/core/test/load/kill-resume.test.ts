import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { bulkLoad } from '../../src/index.js';
import { CORE_DIST } from '../support/child.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/dialects.js';
import { fixturePath, repoRoot } from '../support/fixtures.js';
import { snapshot } from '../support/snapshot.js';
import { join } from 'node:path';

const SAMPLE = join(repoRoot, 'examples/sample/cowrie.json');
const INPUTS = [SAMPLE, fixturePath('edge/mixed-bad-lines.json'), fixturePath('rotation')];

// Start a bulk load in another process and SIGKILL it once `afterBatches` batches have committed.
function loadAndKill(target: string, afterBatches: number): Promise<number> {
  const script = `
    import * as core from ${JSON.stringify(CORE_DIST)};
    const store = await core.openStore(process.env.DB);
    let batches = 0;
    await core.bulkLoad(store, JSON.parse(process.env.INPUTS), { batchSize: 50, prepare: 'thread', onProgress: () => console.log('batch ' + ++batches) });
    console.log('finished');`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, DB: target, INPUTS: JSON.stringify(INPUTS) } });
    let seen = 0;
    child.stdout.on('data', (d: Buffer) => {
      seen += (d.toString().match(/batch/g) ?? []).length;
      if (seen >= afterBatches) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve(seen) : reject(new Error(`load ended before the kill (${seen} batches)`))));
  });
}

describe.each(testDialects())('a load killed with SIGKILL on %s', (dialect) => {
  const dbs: TestDatabase[] = [];
  afterEach(async () => {
    for (const d of dbs.splice(0)) await d.drop();
  });

  it('re-run leaves the same database as one clean load', async () => {
    const clean = createTestDatabase(dialect);
    const killed = createTestDatabase(dialect);
    dbs.push(clean, killed);

    const cleanStore = await clean.open();
    const ref = await bulkLoad(cleanStore, INPUTS, { batchSize: 50 });
    // Killed twice, at different points, then completed.
    const seen1 = await loadAndKill(killed.target, 5);
    const seen2 = await loadAndKill(killed.target, 40);
    expect(seen1).toBeGreaterThanOrEqual(5);
    expect(seen2).toBeGreaterThanOrEqual(40);
    const store = await killed.open();
    try {
      const mid = await store.db.selectFrom('raw_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(mid.n)).toBeGreaterThan(0);
      expect(Number(mid.n)).toBeLessThan(ref.events);
      const rest = await bulkLoad(store, INPUTS, { batchSize: 50 });
      expect(rest.records).toBe(ref.records);
      expect(await snapshot(store)).toEqual(await snapshot(cleanStore));
    } finally {
      await store.close();
      await cleanStore.close();
    }
  }, 180_000);
});
