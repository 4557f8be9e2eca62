import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLoadShape, expectSummary } from './support/expectations.js';
import { SESSION, captureLines, captureText, eventsOf, expectedFirstLoad, expectedSummary, garbagePosition } from './support/fixture.js';
import { type CliResult, makeTempDir, parseJsonObject, removeTempDir, runCli, show } from './support/run-cli.js';

/** The test server; PostgreSQL being down makes these tests fail, never skip. */
const PG_URL = process.env.COWRIE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('cowrie on PostgreSQL', () => {
  const schema = `cli_test_${randomBytes(6).toString('hex')}`;
  const db = `${PG_URL}?schema=${schema}`;
  let dir: string;
  let firstLoad: CliResult;
  const run = (...args: string[]) => runCli([...args, '--db', db], { cwd: dir });

  /** Why PostgreSQL could not be reached; every test asserts it is unset, so a missing server fails them all. */
  let unreachable: string | undefined;
  const requirePostgres = () => expect(unreachable, `PostgreSQL at ${PG_URL} is required for these tests`).toBeUndefined();

  beforeAll(async () => {
    dir = await makeTempDir();
    await writeFile(join(dir, 'main.json'), captureText());
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('select 1');
    } catch (e) {
      unreachable = (e as Error).message || String(e);
      return;
    } finally {
      await client.end().catch(() => undefined);
    }
    firstLoad = await run('load', 'bulk', 'main.json', '--json');
  });

  afterAll(async () => {
    await removeTempDir(dir);
    if (unreachable) return;
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  });

  it('PostgreSQL is reachable (a missing server fails, never skips)', () => {
    requirePostgres();
  });

  it('load bulk --json stores the capture in its own schema', async () => {
    requirePostgres();
    expect(firstLoad.code, show(firstLoad)).toBe(0);
    expect(firstLoad.stderr).toBe('');
    const j = expectLoadShape(parseJsonObject(firstLoad));
    expect({ records: j.records, events: j.events, duplicates: j.duplicates, deadLetters: j.deadLetters, sessions: j.sessions }).toEqual(expectedFirstLoad());
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      const t = await client.query('select count(*)::int as n from information_schema.tables where table_schema = $1', [schema]);
      expect(t.rows[0].n).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });

  it('report summary --json matches the capture, with and without a window', async () => {
    requirePostgres();
    const all = await run('report', 'summary', '--json');
    expect(all.code, show(all)).toBe(0);
    expectSummary(parseJsonObject(all), expectedSummary());
    const until = eventsOf(`hp2/${SESSION}`)[0]!.timestamp;
    const win = await run('report', 'summary', '--json', '--until', until);
    expect(win.code, show(win)).toBe(0);
    expectSummary(parseJsonObject(win), expectedSummary({ until }));
  });

  it('report summary prints for people', async () => {
    requirePostgres();
    const r = await run('report', 'summary');
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`\\bsessions ${expectedSummary().sessions}\\b`));
  });

  it('sessions show works by sensor/session, keeps microseconds, and reports ambiguity and absence', async () => {
    requirePostgres();
    const ref = `hp1/${SESSION}`;
    const evs = eventsOf(ref);
    const r = await run('sessions', 'show', ref, '--json');
    expect(r.code, show(r)).toBe(0);
    const j = parseJsonObject(r);
    expect(j).toMatchObject({ ref, eventCount: evs.length, firstTs: evs[0]!.timestamp, lastTs: evs.at(-1)!.timestamp });
    const human = await run('sessions', 'show', ref);
    expect(human.code, show(human)).toBe(0);
    expect(human.stdout).toContain(ref);

    const ambiguous = await run('sessions', 'show', SESSION);
    expect(ambiguous.code, show(ambiguous)).toBe(2);
    expect(ambiguous.stderr.startsWith('cowrie: ambiguous:')).toBe(true);

    const missing = await run('sessions', 'show', 'hp9/nothing');
    expect(missing.code, show(missing)).toBe(1);
  });

  it('dlq list and a re-load behave as on SQLite', async () => {
    requirePostgres();
    const dlq = await run('dlq', 'list', '--json');
    expect(dlq.code, show(dlq)).toBe(0);
    const items = parseJsonObject(dlq).items as Array<Record<string, unknown>>;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ source: 'main.json', ...garbagePosition() });
    const again = await run('load', 'bulk', 'main.json', '--json');
    expect(again.code, show(again)).toBe(0);
    const k = expectLoadShape(parseJsonObject(again));
    expect({ events: k.events, duplicates: k.duplicates, deadLetters: k.deadLetters }).toEqual({ events: 0, duplicates: captureLines().length, deadLetters: 0 });
  });
});
