import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackgroundCheckpoints } from '../../src/store/dialects/sqlite/background-checkpoints.js';

describe('SQLite background checkpoints', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('copies committed WAL frames into the database from another thread, then hands checkpoints back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cowrie-ckpt-'));
    dirs.push(dir);
    const path = join(dir, 'db.sqlite');
    const conn = new Database(path);
    conn.pragma('journal_mode = WAL');
    conn.pragma('wal_autocheckpoint = 4000');
    conn.exec('create table t (x text)');
    const bg = startBackgroundCheckpoints(conn, path, 5);
    expect(bg).not.toBeNull();
    // While it runs, the writer's own checkpoints are only a safety net far away.
    expect(conn.pragma('wal_autocheckpoint', { simple: true })).toBe(16_000);
    const before = statSync(path).size;
    const ins = conn.prepare('insert into t values (?)');
    conn.transaction(() => {
      for (let i = 0; i < 20_000; i++) ins.run(`row ${i} ${'x'.repeat(200)}`);
    })();
    const deadline = Date.now() + 10_000;
    while (statSync(path).size === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    // The main file grew without the writer checkpointing: the worker copied the frames.
    expect(statSync(path).size).toBeGreaterThan(before);
    await bg!.stop();
    expect(conn.pragma('wal_autocheckpoint', { simple: true })).toBe(4000);
    // Everything committed is in the database file: a checkpoint now has nothing left to copy.
    const [r] = conn.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    expect(r!.busy).toBe(0);
    expect(r!.checkpointed).toBe(r!.log);
    expect(conn.prepare('select count(*) as n from t').get()).toEqual({ n: 20_000 });
    conn.close();
  });
});
