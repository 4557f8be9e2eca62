import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, renameSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkLoad, deltaLoad, type CowrieStore } from '../../src/index.js';
import { CORE_DIST } from '../support/child.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/dialects.js';
import { repoRoot } from '../support/fixtures.js';
import { snapshot } from '../support/snapshot.js';

// Realistic lines to play Cowrie with: our bundled sample log.
const LINES = readFileSync(join(repoRoot, 'examples/sample/cowrie.json'), 'utf8').split('\n').filter((l) => l.trim());
const text = (from: number, to: number) => LINES.slice(from, to).map((l) => l + '\n').join('');

describe.each(testDialects())('delta loads on %s', (dialect) => {
  let dir: string;
  let dbs: TestDatabase[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cowrie-delta-'));
    dbs = [];
  });
  afterEach(async () => {
    for (const d of dbs) await d.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function fresh(): Promise<{ store: CowrieStore; tdb: TestDatabase }> {
    const tdb = createTestDatabase(dialect);
    dbs.push(tdb);
    return { store: await tdb.open(), tdb };
  }

  // The reference: one clean bulk load of exactly the lines that should be stored.
  async function expectSameAsCleanLoad(store: CowrieStore, lines: string[]): Promise<void> {
    const ref = await fresh();
    const f = join(mkdtempSync(join(tmpdir(), 'cowrie-ref-')), 'all.json');
    writeFileSync(f, lines.map((l) => l + '\n').join(''));
    try {
      await bulkLoad(ref.store, [f]);
      expect(await snapshot(store, { positions: false })).toEqual(await snapshot(ref.store, { positions: false }));
    } finally {
      await ref.store.close();
    }
  }

  it('append, with an unfinished last line left pending and read once finished', async () => {
    const { store } = await fresh();
    const live = join(dir, 'cowrie.json');
    const half = LINES[100]!.slice(0, 40);
    writeFileSync(live, text(0, 100) + half);
    const r1 = await deltaLoad(store, [dir]);
    expect(r1.events).toBe(100);
    expect(r1.pending).toEqual([{ file: live, byteOffset: Buffer.byteLength(text(0, 100)), bytes: Buffer.byteLength(half) }]);
    appendFileSync(live, LINES[100]!.slice(40) + '\n' + text(101, 180));
    const r2 = await deltaLoad(store, [dir]);
    expect({ records: r2.records, events: r2.events, duplicates: r2.duplicates, pending: r2.pending }).toEqual({ records: 80, events: 80, duplicates: 0, pending: [] });
    const r3 = await deltaLoad(store, [dir]);
    expect(r3.records).toBe(0);
    await expectSameAsCleanLoad(store, LINES.slice(0, 180));
    // Line numbers continue across runs: line 181 is the last stored.
    const last = await store.db.selectFrom('raw_events').select((eb) => eb.fn.max('line').as('m')).executeTakeFirstOrThrow();
    expect(Number(last.m)).toBe(180);
  });

  it('rotation: the live file renamed to cowrie.json.YYYY-MM-DD and a new one started', async () => {
    const { store } = await fresh();
    const live = join(dir, 'cowrie.json');
    writeFileSync(live, text(0, 60));
    expect((await deltaLoad(store, [dir])).events).toBe(60);
    appendFileSync(live, text(60, 90));
    renameSync(live, join(dir, 'cowrie.json.2025-12-01'));
    writeFileSync(live, text(90, 130));
    const r = await deltaLoad(store, [dir]);
    // Only the 30 lines written before the rename and the 40 of the new file are read.
    expect({ records: r.records, events: r.events }).toEqual({ records: 70, events: 70 });
    expect(r.warnings).toEqual([]);
    const again = await deltaLoad(store, [dir]);
    expect(again.records).toBe(0);
    expect(again.skipped.map((s) => s.file)).toEqual([join(dir, 'cowrie.json.2025-12-01')]);
    await expectSameAsCleanLoad(store, LINES.slice(0, 130));
  });

  it('truncation (Cowrie plain mode restarting) is detected and reported; nothing read twice', async () => {
    const { store } = await fresh();
    const live = join(dir, 'cowrie.json');
    writeFileSync(live, text(0, 50));
    await deltaLoad(store, [live]);
    appendFileSync(live, text(50, 55)); // written but never read: destroyed by the restart
    truncateSync(live, 0);
    writeFileSync(live, text(55, 80));
    const r = await deltaLoad(store, [live]);
    expect(r.events).toBe(25);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'TRUNCATED', file: live, fromByte: Buffer.byteLength(text(0, 50)) });
    await expectSameAsCleanLoad(store, [...LINES.slice(0, 50), ...LINES.slice(55, 80)]);
  });

  it('a rewrite with different, longer content is read from its start', async () => {
    const { store } = await fresh();
    const live = join(dir, 'cowrie.json');
    writeFileSync(live, text(0, 30));
    await deltaLoad(store, [live]);
    writeFileSync(live, text(200, 300));
    const r = await deltaLoad(store, [live]);
    expect(r.events).toBe(100);
    expect(r.warnings.map((w) => w.code)).toEqual(['TRUNCATED']);
    await expectSameAsCleanLoad(store, [...LINES.slice(0, 30), ...LINES.slice(200, 300)]);
  });

  it('a compressed rotated copy of an already-read file adds nothing and is skipped afterwards', async () => {
    const { store } = await fresh();
    const live = join(dir, 'cowrie.json');
    writeFileSync(live, text(0, 70));
    await deltaLoad(store, [dir]);
    writeFileSync(join(dir, 'cowrie.json.1.gz'), gzipSync(readFileSync(live)));
    unlinkSync(live);
    const r = await deltaLoad(store, [dir]);
    expect({ events: r.events, duplicates: r.duplicates }).toEqual({ events: 0, duplicates: 70 });
    const again = await deltaLoad(store, [dir]);
    expect(again.records).toBe(0);
    expect(again.skipped).toEqual([{ file: join(dir, 'cowrie.json.1.gz'), reason: 'unchanged since the last run' }]);
    await expectSameAsCleanLoad(store, LINES.slice(0, 70));
  });

  it('a rotated file ending in an unfinished line: the line is complete (and dead-lettered) once rotated away', async () => {
    const { store } = await fresh();
    const live = join(dir, 'cowrie.json');
    writeFileSync(live, text(0, 10) + '{"eventid":"cowrie.session.conn');
    expect((await deltaLoad(store, [dir])).pending).toHaveLength(1);
    renameSync(live, join(dir, 'cowrie.json.2025-12-02'));
    const r = await deltaLoad(store, [dir]);
    expect({ records: r.records, deadLetters: r.deadLetters, pending: r.pending }).toEqual({ records: 1, deadLetters: 1, pending: [] });
  });

  it('two delta loaders started at once on the same files double nothing', async () => {
    const { store, tdb } = await fresh();
    writeFileSync(join(dir, 'cowrie.json.2025-12-01'), text(0, 400));
    writeFileSync(join(dir, 'cowrie.json'), text(400, 900));
    const [a, b] = await Promise.all([runDelta(tdb.target, dir, 25), runDelta(tdb.target, dir, 25)]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    const ra = JSON.parse(a.stdout) as { events: number };
    const rb = JSON.parse(b.stdout) as { events: number };
    expect(ra.events + rb.events).toBe(900);
    await expectSameAsCleanLoad(store, LINES.slice(0, 900));
    await store.close();
  }, 60_000);

  it('SIGKILL at random points while the file grows, then a clean run: same as one clean load', async () => {
    const { store, tdb } = await fresh();
    const live = join(dir, 'cowrie.json');
    writeFileSync(live, text(0, 300));
    let written = 300;
    let killed = 0;
    for (let i = 0; i < 12; i++) {
      // Killed after a random number of committed batches (1–12 of 7 records): mid-load.
      const r = await runDelta(tdb.target, dir, 7, 1 + Math.floor(Math.random() * 12));
      if (r.signal === 'SIGKILL') killed++;
      appendFileSync(live, text(written, written + 40));
      written += 40;
    }
    expect(killed).toBeGreaterThanOrEqual(10);
    const last = await deltaLoad(store, [dir]);
    expect(last.failed).toEqual([]);
    await expectSameAsCleanLoad(store, LINES.slice(0, written));
    await store.close();
  }, 120_000);
});

/** Run `deltaLoad` in another process; with `killAfterBatches`, SIGKILL it once that many batches committed. */
function runDelta(db: string, dir: string, batchSize: number, killAfterBatches?: number): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  const script = `
    import * as core from ${JSON.stringify(CORE_DIST)};
    const store = await core.openStore(process.env.DB);
    const r = await core.deltaLoad(store, [process.env.DIR], { batchSize: ${batchSize}, prepare: 'thread', onProgress: () => process.stderr.write('#') });
    await store.close();
    process.stdout.write(JSON.stringify(r));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, DB: db, DIR: dir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (killAfterBatches !== undefined && (stderr.match(/#/g) ?? []).length >= killAfterBatches) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr: stderr.replace(/#/g, '') }));
  });
}
