import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bulkLoad, prepareRecord, readRecords, type RawRecord } from '../../src/index.js';
import { decodeChunk, decodeResult, encodeChunk, encodeResult } from '../../src/load/prepare/chunk-codec.js';
import { runNode } from '../support/child.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/dialects.js';
import { fixturePath, repoRoot } from '../support/fixtures.js';
import { snapshot } from '../support/snapshot.js';

// Every committed fixture that holds records of every era and every kind of bad input.
const FILES = ['edge', 'eras'].flatMap((d) => readdirSync(fixturePath(d)).sort().map((f) => fixturePath(`${d}/${f}`)));
const INPUTS = [...FILES, join(repoRoot, 'examples/sample/cowrie.json')];

async function recordsOf(file: string): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const r of readRecords(createReadStream(file), { maxRecordBytes: 64 * 1024 })) out.push(r);
  return out;
}

describe('records sent to the preparer thread and back', () => {
  it('come back exactly as preparing them in place gives, for every fixture', async () => {
    const ctx = { sourceId: 7, now: '2026-11-22T00:00:00.000000Z', sensor: 'fallback' };
    let total = 0;
    for (const file of FILES) {
      const records = await recordsOf(file);
      const direct = records.map((r) => prepareRecord(r, ctx.sourceId, ctx, ctx.now));
      // What the worker does, without the thread: decode, prepare, encode; then what the loader does.
      const inWorker = decodeChunk(structuredClone(encodeChunk(3, records, ctx))).map((r) => prepareRecord(r, ctx.sourceId, ctx, ctx.now));
      const back = decodeResult(structuredClone(encodeResult(3, inWorker)), records);
      expect(back, file).toEqual(direct);
      total += records.length;
    }
    expect(total).toBeGreaterThan(100);
  });
});

describe.each(testDialects())('a load prepared on a worker thread on %s', (dialect) => {
  const dbs: TestDatabase[] = [];
  afterEach(async () => {
    for (const d of dbs.splice(0)) await d.drop();
  });

  it('stores exactly what a load prepared inline stores', async () => {
    const inline = createTestDatabase(dialect);
    const threaded = createTestDatabase(dialect);
    dbs.push(inline, threaded);
    const a = await inline.open();
    const ra = await bulkLoad(a, INPUTS, { prepare: 'inline', batchSize: 300, maxRecordBytes: 64 * 1024 });
    // The built package has the worker entry; `thread` is forced, so it cannot fall back silently.
    const child = await runNode(`
      const store = await core.openStore(process.env.DB);
      const r = await core.bulkLoad(store, JSON.parse(process.env.INPUTS), { prepare: 'thread', batchSize: 300, maxRecordBytes: 64 * 1024 });
      await store.close();
      console.log(JSON.stringify(r));`, { DB: threaded.target, INPUTS: JSON.stringify(INPUTS) });
    expect(child.stderr).toBe('');
    expect(child.code).toBe(0);
    const rb = JSON.parse(child.stdout.trim());
    for (const k of ['records', 'events', 'duplicates', 'deadLetters', 'sessions', 'splitRecords'] as const) expect(rb[k], k).toBe(ra[k]);
    expect(ra.deadLetters).toBeGreaterThan(0);
    const b = await threaded.open({ access: 'read' });
    expect(await snapshot(b)).toEqual(await snapshot(a));
    await a.close();
    await b.close();
  });
});
