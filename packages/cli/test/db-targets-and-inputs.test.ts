import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLoadShape } from './support/expectations.js';
import { captureLines, captureText, expectedFirstLoad, expectedSummary, garbagePosition } from './support/fixture.js';
import { makeTempDir, parseJsonObject, removeTempDir, runCli, show } from './support/run-cli.js';

describe('--db forms and COWRIE_DB', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
    await writeFile(join(dir, 'main.json'), captureText());
  });
  afterAll(() => removeTempDir(dir));

  const sessionsIn = async (env: Record<string, string | undefined>, ...db: string[]) => {
    const r = await runCli(['report', 'summary', '--json', ...db], { cwd: dir, env });
    expect(r.code, show(r)).toBe(0);
    return parseJsonObject(r).sessions;
  };

  it('COWRIE_DB names the database when --db is not given, and --db wins over it', async () => {
    const env = { COWRIE_DB: 'from-env.sqlite' };
    const r = await runCli(['load', 'bulk', 'main.json', '--json'], { cwd: dir, env });
    expect(r.code, show(r)).toBe(0);
    expect(expectLoadShape(parseJsonObject(r)).events).toBe(expectedFirstLoad().events);
    expect(existsSync(join(dir, 'from-env.sqlite'))).toBe(true);
    expect(existsSync(join(dir, 'cowrie.sqlite'))).toBe(false);
    expect(await sessionsIn(env)).toBe(expectedSummary().sessions);
    // --db overrides the environment: a fresh, empty database.
    expect(await sessionsIn(env, '--db', 'override.sqlite')).toBe(0);
    expect(existsSync(join(dir, 'override.sqlite'))).toBe(true);
  });

  it('sqlite:<path>, sqlite://<path>, sqlite:///<abs> and a plain path all name the same file', async () => {
    const r = await runCli(['load', 'bulk', 'main.json', '--json', '--db', 'sqlite:forms.sqlite'], { cwd: dir });
    expect(r.code, show(r)).toBe(0);
    expect(expectLoadShape(parseJsonObject(r)).events).toBe(expectedFirstLoad().events);
    expect(existsSync(join(dir, 'forms.sqlite'))).toBe(true);
    const want = expectedSummary().sessions;
    expect(await sessionsIn({}, '--db', 'sqlite://forms.sqlite')).toBe(want);
    expect(await sessionsIn({}, '--db', `sqlite://${join(dir, 'forms.sqlite')}`)).toBe(want); // sqlite:///abs
    expect(await sessionsIn({}, '--db', 'forms.sqlite')).toBe(want);
    expect(await sessionsIn({ COWRIE_DB: 'sqlite:forms.sqlite' })).toBe(want);
  });
});

describe('load bulk inputs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(() => removeTempDir(dir));

  it('reads - from stdin, names the source per load, and a second stdin load is all duplicates', async () => {
    const input = captureText();
    const db = ['--db', 'sqlite:stdin.sqlite'];
    const first = await runCli(['load', 'bulk', '-', '--json', ...db], { cwd: dir, input });
    expect(first.code, show(first)).toBe(0);
    expect(first.stderr).toBe('');
    const j = expectLoadShape(parseJsonObject(first));
    const want = expectedFirstLoad();
    expect({ records: j.records, events: j.events, duplicates: j.duplicates, deadLetters: j.deadLetters, sessions: j.sessions }).toEqual(want);

    const dlq = await runCli(['dlq', 'list', '--json', ...db], { cwd: dir });
    expect(dlq.code, show(dlq)).toBe(0);
    const items = parseJsonObject(dlq).items as Array<{ source: string; line: number }>;
    expect(items).toHaveLength(1);
    expect(items[0]!.source).toMatch(/^stdin/);
    expect(items[0]!.line).toBe(garbagePosition().line);

    const again = await runCli(['load', 'bulk', '-', '--json', ...db], { cwd: dir, input });
    expect(again.code, show(again)).toBe(0);
    const k = expectLoadShape(parseJsonObject(again));
    expect({ events: k.events, duplicates: k.duplicates, deadLetters: k.deadLetters }).toEqual({ events: 0, duplicates: captureLines().length, deadLetters: 0 });
  });

  it('walks a directory (skipping what is not JSON) and expands globs', async () => {
    const lines = captureLines();
    const logs = join(dir, 'logs');
    await mkdir(logs, { recursive: true });
    // Split the capture over two rotated files; a text log sits next to them.
    await writeFile(join(logs, 'cowrie.json.1'), lines.slice(0, 8).join('\n') + '\n');
    await writeFile(join(logs, 'cowrie.json'), lines.slice(8).join('\n') + '\n');
    await writeFile(join(logs, 'cowrie.log'), '2024-03-01T10:00:00+0000 [-] plain text log\n');
    const r = await runCli(['load', 'bulk', 'logs', '--json', '--db', 'dir.sqlite'], { cwd: dir });
    expect(r.code, show(r)).toBe(0);
    const raw = parseJsonObject(r);
    const j = expectLoadShape(raw);
    expect(j.files).toBe(2);
    expect({ records: j.records, events: j.events, deadLetters: j.deadLetters }).toEqual({ records: lines.length, events: expectedFirstLoad().events, deadLetters: 1 });
    expect(JSON.stringify(raw.skipped)).toContain('cowrie.log');

    const g = await runCli(['load', 'bulk', 'logs/cowrie.json*', '--json', '--db', 'glob.sqlite'], { cwd: dir });
    expect(g.code, show(g)).toBe(0);
    const gj = expectLoadShape(parseJsonObject(g));
    expect({ files: gj.files, records: gj.records, events: gj.events }).toEqual({ files: 2, records: lines.length, events: expectedFirstLoad().events });
  });
});
