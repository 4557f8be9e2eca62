import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DbPool, pgQuery, requirePostgres, testDialects, type CliTestDb, type Dialect } from './support/dialects.js';
import { expectLoadShape, expectSummary } from './support/expectations.js';
import {
  EVENTS, GARBAGE, HASSH, OTHER_SESSION, OWN_SENSOR, SENSOR_EVENTS, SESSION, captureLines, captureText, eventsOf, expectedFirstLoad,
  expectedSummary, expectedSummaryOf, garbagePosition, sensorCaptureText, sessionsPerSensor, withEffectiveSensor,
} from './support/fixture.js';
import { type CliResult, makeTempDir, parseJsonObject, removeTempDir, runCli, show } from './support/run-cli.js';

/**
 * The whole flow on each dialect (an SQLite file in a temp dir; a fresh PostgreSQL schema named
 * in `--db …?schema=`): load, report, sessions, dead letters, re-loads, sensors.
 */
describe.each(testDialects())('cowrie on %s', (dialect: Dialect) => {
  let dir: string;
  let firstLoad: CliResult;
  const pool = new DbPool(dialect, () => dir);
  let main: CliTestDb;
  const runOn = (db: CliTestDb, ...args: string[]) => runCli([...args, '--db', db.target], { cwd: dir });
  const run = (...args: string[]) => runOn(main, ...args);

  /** Why PostgreSQL could not be reached: every test then FAILS with it (never skips). */
  let unreachable: Error | undefined;

  beforeAll(async () => {
    dir = await makeTempDir();
    await writeFile(join(dir, 'main.json'), captureText());
    if (dialect === 'postgres') unreachable = await requirePostgres().then(() => undefined, (e: Error) => e);
    if (unreachable) return;
    main = pool.create('main');
    firstLoad = await run('load', 'bulk', 'main.json', '--json');
  });
  // A failing beforeEach fails its test (a failing beforeAll would only mark them skipped).
  beforeEach(() => {
    if (unreachable) throw unreachable;
  });
  afterAll(async () => {
    try {
      if (!unreachable) await pool.dropAll();
    } finally {
      await removeTempDir(dir);
    }
  });

  it('load bulk --json prints one JSON object with the figures of the capture', () => {
    expect(firstLoad.code, show(firstLoad)).toBe(0);
    const j = expectLoadShape(parseJsonObject(firstLoad));
    expect(j.files).toBe(1);
    expect({ records: j.records, events: j.events, duplicates: j.duplicates, deadLetters: j.deadLetters, sessions: j.sessions }).toEqual(expectedFirstLoad());
  });

  it('prints no progress bar when stderr is not a terminal', () => {
    expect(firstLoad.code, show(firstLoad)).toBe(0);
    expect(firstLoad.stderr).toBe('');
  });

  it('stores the data where --db says: the SQLite file, or its own PostgreSQL schema', async () => {
    expect(firstLoad.code, show(firstLoad)).toBe(0);
    if (dialect === 'sqlite') {
      expect(existsSync(main.target)).toBe(true);
      expect(existsSync(join(dir, 'cowrie.sqlite'))).toBe(false);
    } else {
      const t = await pgQuery<{ n: number }>('select count(*)::int as n from information_schema.tables where table_schema = $1', [main.schema]);
      expect(t.rows[0]!.n).toBeGreaterThan(0);
      const e = await pgQuery<{ n: number }>(`select count(*)::int as n from "${main.schema}".raw_events`);
      expect(e.rows[0]!.n).toBe(EVENTS.length);
    }
  });

  it('report summary --json counts what was loaded', async () => {
    const r = await run('report', 'summary', '--json');
    expect(r.code, show(r)).toBe(0);
    expect(r.stderr).toBe('');
    const j = parseJsonObject(r);
    const want = expectedSummary();
    expectSummary(j, want);
    expect(j.loginAttempts).toBe(want.loginAttempts);
    expect(j.loginSuccesses).toBe(want.loginSuccesses);
  });

  it('report summary prints the figures and top values for people', async () => {
    const r = await run('report', 'summary');
    expect(r.code, show(r)).toBe(0);
    const want = expectedSummary();
    expect(r.stdout).toMatch(new RegExp(`\\bsessions ${want.sessions}\\b`));
    expect(r.stdout).toMatch(new RegExp(`\\bevents ${want.events}\\b`));
    expect(r.stdout).toMatch(new RegExp(`\\bunique IPs ${want.uniqueIps}\\b`));
    for (const list of [want.topIps, want.topUsernames, want.topPasswords, want.topCommands, want.topDownloads, want.topHassh]) {
      for (const row of list) expect(r.stdout).toMatch(new RegExp(`\\b${row.count}\\s+${row.value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    }
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  it('--until is exclusive: a session whose first event is exactly at until is left out', async () => {
    const until = eventsOf(`hp2/${SESSION}`)[0]!.timestamp; // hp2's connect
    const want = expectedSummary({ until });
    expect(want.sessions).toBe(expectedSummary().sessions - 1); // the fixture does test the edge
    const r = await run('report', 'summary', '--json', '--until', until);
    expect(r.code, show(r)).toBe(0);
    expectSummary(parseJsonObject(r), want);
  });

  it('--since is inclusive, to the microsecond', async () => {
    const first = EVENTS[0]!.timestamp; // 2024-03-01T10:00:00.123456Z
    const atFirst = await run('report', 'summary', '--json', '--since', first);
    expect(atFirst.code, show(atFirst)).toBe(0);
    expectSummary(parseJsonObject(atFirst), expectedSummary({ since: first }));
    expect(parseJsonObject(atFirst).sessions).toBe(expectedSummary().sessions);

    const oneMicroLater = first.replace('.123456Z', '.123457Z');
    const want = expectedSummary({ since: oneMicroLater });
    expect(want.sessions).toBe(expectedSummary().sessions - 1);
    const later = await run('report', 'summary', '--json', '--since', oneMicroLater);
    expect(later.code, show(later)).toBe(0);
    expectSummary(parseJsonObject(later), want);
  });

  it('--since and --until together select [since, until), and the window is echoed', async () => {
    const since = '2024-03-01T10:30:00Z';
    const until = '2024-03-01T12:00:00.000000Z';
    const want = expectedSummary({ since: '2024-03-01T10:30:00.000000Z', until });
    expect(want.sessions).toBe(1);
    const r = await run('report', 'summary', '--json', '--since', since, '--until', until);
    expect(r.code, show(r)).toBe(0);
    const j = parseJsonObject(r);
    expectSummary(j, want);
    expect(j.window).toEqual({ since: '2024-03-01T10:30:00.000000Z', until, sensor: null });
  });

  it.each([['1'], ['2024'], ['Mar 1 2024'], ['2024-02-30']])('--since %j is refused: exit 2, one line naming it, nothing on stdout', async (bad) => {
    const r = await run('report', 'summary', '--json', '--since', bad);
    expect(r.code, show(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`"${bad}"`);
    expect(r.stderr).toContain('YYYY-MM-DD');
  });

  it('--sensor restricts the summary to one sensor', async () => {
    const r = await run('report', 'summary', '--json', '--sensor', 'hp2');
    expect(r.code, show(r)).toBe(0);
    expectSummary(parseJsonObject(r), expectedSummary({ sensor: 'hp2' }));
  });

  it('--top N caps every top list', async () => {
    const r = await run('report', 'summary', '--json', '--top', '1');
    expect(r.code, show(r)).toBe(0);
    const j = parseJsonObject(r);
    for (const k of ['topIps', 'topUsernames', 'topPasswords', 'topCommands', 'topDownloads', 'topHassh']) {
      expect((j[k] as unknown[]).length, k).toBeLessThanOrEqual(1);
    }
    // The most frequent IP and command are unique leaders in the capture.
    // (Extra keys such as riskScore or shasum are allowed next to value and count.)
    expect(j.topIps).toMatchObject([expectedSummary().topIps[0]!]);
    expect(j.topCommands).toMatchObject([expectedSummary().topCommands[0]!]);
  });

  it('sessions show sensor/session --json gives the session with its events', async () => {
    const ref = `hp1/${SESSION}`;
    const evs = eventsOf(ref);
    const r = await run('sessions', 'show', ref, '--json');
    expect(r.code, show(r)).toBe(0);
    expect(r.stderr).toBe('');
    const j = parseJsonObject(r);
    const connect = evs.find((e) => e.eventid === 'cowrie.session.connect')!;
    expect(j).toMatchObject({ ref, sensor: 'hp1', session: SESSION, srcIp: connect.src_ip, srcPort: connect.src_port, hassh: HASSH, closed: true });
    expect(j.firstTs).toBe(evs[0]!.timestamp);
    expect(j.lastTs).toBe(evs.at(-1)!.timestamp);
    expect(j.eventCount).toBe(evs.length);
    expect(j.loginAttempts).toBe(evs.filter((e) => e.eventid.startsWith('cowrie.login.')).length);
    expect(j.commandCount).toBe(evs.filter((e) => e.eventid === 'cowrie.command.input').length);
    expect(j.downloadCount).toBe(evs.filter((e) => e.eventid === 'cowrie.session.file_download').length);
    const events = j.events as Array<{ ts: string; eventid: string }>;
    expect(events.map((e) => [e.ts, e.eventid])).toEqual(evs.map((e) => [e.timestamp, e.eventid]));
    expect(j.forwards).toEqual([]);
  });

  it('sessions show keeps the unterminated last line of a bulk-loaded file', async () => {
    const ref = `hp2/${SESSION}`;
    const evs = eventsOf(ref);
    const r = await run('sessions', 'show', ref, '--json');
    expect(r.code, show(r)).toBe(0);
    const j = parseJsonObject(r);
    expect(j.eventCount).toBe(evs.length);
    expect(j.closed).toBe(true); // the closed event is the file's unterminated last line
    expect(j.lastTs).toBe(evs.at(-1)!.timestamp);
  });

  it('sessions show prints the session for people', async () => {
    const ref = `hp1/${SESSION}`;
    const r = await run('sessions', 'show', ref);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain(ref);
    expect(r.stdout).toContain('203.0.113.5');
    for (const e of eventsOf(ref)) expect(r.stdout).toContain(e.timestamp);
    for (const e of eventsOf(ref).filter((x) => x.eventid === 'cowrie.command.input')) expect(r.stdout).toContain(String(e.input));
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  it('sessions show accepts a bare session id that is unique', async () => {
    const r = await run('sessions', 'show', OTHER_SESSION, '--json');
    expect(r.code, show(r)).toBe(0);
    const j = parseJsonObject(r);
    expect(j.ref).toBe(`hp1/${OTHER_SESSION}`);
    expect(j.eventCount).toBe(eventsOf(`hp1/${OTHER_SESSION}`).length);
  });

  it('a bare session id on two sensors exits 2 with "cowrie: ambiguous:"', async () => {
    for (const extra of [[], ['--json']]) {
      const r = await run('sessions', 'show', SESSION, ...extra);
      expect(r.code, show(r)).toBe(2);
      expect(r.stderr.startsWith('cowrie: ambiguous:'), show(r)).toBe(true);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('hp1');
      expect(r.stderr).toContain('hp2');
    }
  });

  it('an unknown session exits 1 (human and --json)', async () => {
    const human = await run('sessions', 'show', 'hp1/000000000000');
    expect(human.code, show(human)).toBe(1);
    expect(human.stdout).toBe('');
    expect(human.stderr).toContain('000000000000');
    const json = await run('sessions', 'show', 'nosuchsession', '--json');
    expect(json.code, show(json)).toBe(1);
    expect(parseJsonObject(json)).toHaveProperty('error');
  });

  it('dlq list --json shows the garbage line with its file and 1-based line number', async () => {
    const r = await run('dlq', 'list', '--json');
    expect(r.code, show(r)).toBe(0);
    const j = parseJsonObject(r);
    expect(j.total).toBe(1);
    expect(j.byReason).toEqual({ invalid_json: 1 });
    const items = j.items as Array<Record<string, unknown>>;
    expect(items).toHaveLength(1);
    const pos = garbagePosition();
    expect(items[0]).toMatchObject({ reason: 'invalid_json', source: 'main.json', sourcePath: join(dir, 'main.json'), line: pos.line, byteOffset: pos.byteOffset });
    expect(items[0]!.preview).toBe(GARBAGE);
    expect(captureLines()[(items[0]!.line as number) - 1]).toBe(GARBAGE);
  });

  it('dlq list filters by reason, source and limit', async () => {
    const count = async (...args: string[]) => {
      const r = await run('dlq', 'list', '--json', ...args);
      expect(r.code, show(r)).toBe(0);
      return (parseJsonObject(r).items as unknown[]).length;
    };
    const [byReason, otherReason, bySource, otherSource, limited] = await Promise.all([
      count('--reason', 'invalid_json'), count('--reason', 'missing_eventid'), count('--source', 'main'), count('--source', 'elsewhere'), count('--limit', '1'),
    ]);
    expect({ byReason, otherReason, bySource, otherSource, limited }).toEqual({ byReason: 1, otherReason: 0, bySource: 1, otherSource: 0, limited: 1 });
  });

  it('dlq list prints file:line and reason for people', async () => {
    const r = await run('dlq', 'list');
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain(`main.json:${garbagePosition().line}`);
    expect(r.stdout).toContain('invalid_json');
    expect(r.stdout).toContain(GARBAGE);
  });

  it('re-loading the same file stores nothing: 0 events, all duplicates', async () => {
    const r = await run('load', 'bulk', 'main.json', '--json');
    expect(r.code, show(r)).toBe(0);
    expect(r.stderr).toBe('');
    const j = expectLoadShape(parseJsonObject(r));
    expect({ records: j.records, events: j.events, duplicates: j.duplicates, deadLetters: j.deadLetters })
      .toEqual({ records: captureLines().length, events: 0, duplicates: captureLines().length, deadLetters: 0 });
  });

  it('the same lines under another file name are duplicates too', async () => {
    await mkdir(join(dir, 'other'), { recursive: true });
    await copyFile(join(dir, 'main.json'), join(dir, 'other', 'renamed.log'));
    const r = await run('load', 'bulk', 'other/renamed.log', '--json');
    expect(r.code, show(r)).toBe(0);
    const j = expectLoadShape(parseJsonObject(r));
    expect({ events: j.events, duplicates: j.duplicates, deadLetters: j.deadLetters }).toEqual({ events: 0, duplicates: captureLines().length, deadLetters: 0 });
    const summary = await run('report', 'summary', '--json');
    expectSummary(parseJsonObject(summary), expectedSummary());
    const dlq = await run('dlq', 'list', '--json');
    expect(parseJsonObject(dlq).total).toBe(1);
  });

  it('load bulk prints a one-paragraph summary for people', async () => {
    const r = await runOn(pool.create('human'), 'load', 'bulk', 'main.json');
    expect(r.code, show(r)).toBe(0);
    expect(r.stderr).toBe('');
    const want = expectedFirstLoad();
    expect(r.stdout).toMatch(new RegExp(`\\brecords ${want.records}\\b`));
    expect(r.stdout).toMatch(new RegExp(`\\bevents stored ${want.events}\\b`));
    expect(r.stdout).toMatch(new RegExp(`\\bdead letters ${want.deadLetters}\\b`));
    expect(r.stdout).toMatch(new RegExp(`\\bsessions touched ${want.sessions}\\b`));
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  it('db migrate reports a current schema (human and --json)', async () => {
    const where = dialect === 'sqlite' ? main.target : `(schema ${main.schema})`;
    const human = await run('db', 'migrate');
    expect(human.code, show(human)).toBe(0);
    expect(human.stdout).toContain(where);
    const json = await run('db', 'migrate', '--json');
    expect(json.code, show(json)).toBe(0);
    const j = parseJsonObject(json);
    expect(typeof j.to).toBe('number');
    expect(j.applied).toEqual([]); // already current: nothing left to apply
    expect(String(j.database)).toContain(where);
  });

  describe('sensor names', () => {
    const sensorFile = () => join(dir, 'sensors.json');
    beforeAll(async () => {
      await writeFile(sensorFile(), sensorCaptureText());
    });

    /** Load the sensor capture into a fresh database with `opts`, and check what the load said. */
    const loadSensors = async (...opts: string[]) => {
      const db = pool.create('sensors');
      const r = await runOn(db, 'load', 'bulk', sensorFile(), '--json', ...opts);
      expect(r.code, show(r)).toBe(0);
      const j = expectLoadShape(parseJsonObject(r));
      expect({ events: j.events, deadLetters: j.deadLetters }).toEqual({ events: SENSOR_EVENTS.length, deadLetters: 0 });
      return db;
    };
    const summaryOf = async (db: CliTestDb, ...args: string[]) => {
      const r = await runOn(db, 'report', 'summary', '--json', '--top', '50', ...args);
      expect(r.code, show(r)).toBe(0);
      return parseJsonObject(r);
    };
    const sessionOf = async (db: CliTestDb, ref: string) => {
      const r = await runOn(db, 'sessions', 'show', ref, '--json');
      return { code: r.code, json: r.code === 0 ? parseJsonObject(r) : null, r };
    };

    it('without --sensor, sensorless events (missing or empty) are the sensor \'\'', async () => {
      const db = await loadSensors();
      const evs = withEffectiveSensor(SENSOR_EVENTS);
      const all = await summaryOf(db);
      expectSummary(all, expectedSummaryOf(evs));
      expect(all.topSensors).toEqual(sessionsPerSensor(evs));
      expect(sessionsPerSensor(evs).map((x) => x.value).sort()).toEqual(['', OWN_SENSOR]);
      expectSummary(await summaryOf(db, '--sensor', ''), expectedSummaryOf(evs, { sensor: '' }));
      const s = await sessionOf(db, '/b0b0b0b0b0b2');
      expect(s.code, show(s.r)).toBe(0);
      expect(s.json).toMatchObject({ ref: '/b0b0b0b0b0b2', sensor: '', eventCount: evs.filter((e) => e.session === 'b0b0b0b0b0b2').length });
    });

    it('load bulk --sensor NAME fills events without a sensor and leaves those that have one', async () => {
      const db = await loadSensors('--sensor', 'filled');
      const evs = withEffectiveSensor(SENSOR_EVENTS, { sensor: 'filled' });
      expect(sessionsPerSensor(evs)).toEqual([{ value: 'filled', count: 2 }, { value: OWN_SENSOR, count: 1 }]);
      const all = await summaryOf(db);
      expectSummary(all, expectedSummaryOf(evs));
      expect(all.topSensors).toEqual(sessionsPerSensor(evs));
      for (const sensor of ['filled', OWN_SENSOR]) {
        const one = await summaryOf(db, '--sensor', sensor);
        expectSummary(one, expectedSummaryOf(evs, { sensor }));
        expect(one.topSensors).toEqual(sessionsPerSensor(evs.filter((e) => e.sensor === sensor)));
      }
      expect((await summaryOf(db, '--sensor', '')).events).toBe(0);
      for (const session of new Set(SENSOR_EVENTS.map((e) => e.session))) {
        const mine = evs.filter((e) => e.session === session);
        const ref = `${mine[0]!.sensor}/${session}`;
        const s = await sessionOf(db, session); // bare ids are unique here
        expect(s.code, show(s.r)).toBe(0);
        expect(s.json).toMatchObject({ ref, sensor: mine[0]!.sensor, eventCount: mine.length, firstTs: mine[0]!.timestamp, lastTs: mine.at(-1)!.timestamp });
      }
      expect((await sessionOf(db, '/b0b0b0b0b0b1')).code).toBe(1);
    });

    it('load bulk --sensor-override NAME replaces every sensor', async () => {
      const db = await loadSensors('--sensor-override', 'forced');
      const evs = withEffectiveSensor(SENSOR_EVENTS, { sensorOverride: 'forced' });
      expect(sessionsPerSensor(evs)).toEqual([{ value: 'forced', count: 3 }]);
      const all = await summaryOf(db);
      expectSummary(all, expectedSummaryOf(evs));
      expect(all.topSensors).toEqual(sessionsPerSensor(evs));
      expect((await summaryOf(db, '--sensor', OWN_SENSOR)).events).toBe(0);
      const own = SENSOR_EVENTS.filter((e) => e.sensor === OWN_SENSOR);
      const s = await sessionOf(db, `forced/${own[0]!.session}`);
      expect(s.code, show(s.r)).toBe(0);
      expect(s.json).toMatchObject({ sensor: 'forced', eventCount: own.length, srcIp: own[0]!.src_ip });
      expect((await sessionOf(db, `${OWN_SENSOR}/${own[0]!.session}`)).code).toBe(1);
    });
  });
});

/**
 * What only SQLite has: the default database `./cowrie.sqlite` in the working directory, used
 * when neither `--db` nor `COWRIE_DB` is given.
 */
describe('cowrie on the default SQLite database', () => {
  let dir: string;
  const run = (...args: string[]) => runCli(args, { cwd: dir });
  beforeAll(async () => {
    dir = await makeTempDir();
    await writeFile(join(dir, 'main.json'), captureText());
  });
  afterAll(() => removeTempDir(dir));

  it('load, report and sessions use ./cowrie.sqlite in the working directory', async () => {
    const load = await run('load', 'bulk', 'main.json', '--json');
    expect(load.code, show(load)).toBe(0);
    expect(existsSync(join(dir, 'cowrie.sqlite'))).toBe(true);
    const j = expectLoadShape(parseJsonObject(load));
    expect(j.events).toBe(expectedFirstLoad().events);
    const summary = await run('report', 'summary', '--json');
    expect(summary.code, show(summary)).toBe(0);
    expectSummary(parseJsonObject(summary), expectedSummary());
    const s = await run('sessions', 'show', `hp1/${OTHER_SESSION}`, '--json');
    expect(s.code, show(s)).toBe(0);
    expect(parseJsonObject(s).eventCount).toBe(eventsOf(`hp1/${OTHER_SESSION}`).length);
  });

  it('db migrate names ./cowrie.sqlite (human and --json)', async () => {
    const human = await run('db', 'migrate');
    expect(human.code, show(human)).toBe(0);
    expect(human.stdout).toContain(join(dir, 'cowrie.sqlite'));
    const json = await run('db', 'migrate', '--json');
    expect(json.code, show(json)).toBe(0);
    expect(String(parseJsonObject(json).database)).toContain(join(dir, 'cowrie.sqlite'));
  });
});
