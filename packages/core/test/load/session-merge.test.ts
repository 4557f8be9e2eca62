/**
 * Property: the `sessions` table does not depend on how a session's events are split: over
 * batches (sizes 1, 2, 3, 1000), over files (loaded in either order, in one load or one load per
 * file), on either dialect. Every variant must give the same table, equal to what the test
 * computes itself from the events.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bulkLoad, type CowrieStore } from '../../src/index.js';
import { createTestDatabase, testDialects } from '../support/dialects.js';
import { fixturePath, readManifest } from '../support/fixtures.js';

type Raw = Record<string, unknown> & { eventid: string; timestamp: string; session?: string; sensor?: string };

/** A `sessions` row as compared here: every column but `updated_at`, numbers as numbers. */
type SessionRow = Record<string, string | number | null>;

const NUMERIC = new Set([
  'src_port', 'dst_port', 'duration_ms', 'connect_seen', 'closed', 'event_count', 'login_attempts', 'login_success',
  'command_count', 'download_count', 'upload_count', 'tcpip_count', 'ssh_key_count', 'risk_score',
]);
const CANONICAL_TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

// ---------------------------------------------------------------------------------------------
// The generated capture
// ---------------------------------------------------------------------------------------------

/**
 * Several sessions on two sensors and one without a sensor (one session id on both sensors),
 * overlapping in time. Each has a connect with its own ports, client version (some in the
 * `b'…'` form), kex, logins, commands and a close with a duration; some have a port-forward
 * request, and some non-connect events carry another source address that must not win.
 */
function generatedEvents(): Raw[] {
  const out: Raw[] = [];
  const sessions = [
    { sensor: 'gen-a', session: 'aaaa00000001' },
    { sensor: 'gen-b', session: 'aaaa00000001' }, // same id, other sensor: another session
    { sensor: 'gen-a', session: 'aaaa00000002' },
    { sensor: undefined, session: 'aaaa00000003' },
    { sensor: 'gen-b', session: 'aaaa00000004' },
    { sensor: 'gen-a', session: 'aaaa00000005' },
    { sensor: 'gen-b', session: 'aaaa00000006' },
  ];
  sessions.forEach(({ sensor, session }, i) => {
    const ip = `198.51.100.${10 + i}`;
    const base = { session, ...(sensor === undefined ? {} : { sensor }) };
    // Sessions start 7 s apart and last ~40 s: they overlap, and their events interleave.
    const t = (s: number, us = 0) => {
      const d = new Date(Date.UTC(2024, 5, 1, 12, 0, 0) + (i * 7 + s) * 1000);
      return `${d.toISOString().slice(0, 19)}.${String(i * 1000 + us).padStart(6, '0')}Z`;
    };
    const ev = (s: number, eventid: string, fields: Record<string, unknown> = {}, srcIp = ip): Raw => ({ ...base, eventid, timestamp: t(s, out.length % 997), src_ip: srcIp, ...fields });
    out.push(ev(0, 'cowrie.session.connect', { src_port: 40000 + i * 11, dst_ip: `10.1.0.${i + 1}`, dst_port: 2200 + i, protocol: 'ssh' }));
    out.push(ev(1, 'cowrie.client.version', { version: i % 2 ? `b'SSH-2.0-Go${i}'` : `SSH-2.0-libssh_0.${i}` }));
    out.push(ev(2, 'cowrie.client.kex', { hassh: (i.toString(16) + 'e').repeat(16).slice(0, 32) }));
    for (let k = 0; k <= i % 3; k++) out.push(ev(3 + k, 'cowrie.login.failed', { username: `user${k}`, password: `pw${i}${k}` }));
    if (i % 2 === 0) out.push(ev(8, 'cowrie.login.success', { username: 'root', password: `ok${i}` }));
    for (let k = 0; k < (i % 4) + 1; k++) {
      // A command event with another source address: the connect's address must still win.
      out.push(ev(10 + k, 'cowrie.command.input', { input: ['uname -a', 'cat /etc/passwd', 'wget http://203.0.113.9/x', 'echo ok'][k]! }, k === 1 ? '192.0.2.200' : ip));
    }
    if (i % 3 === 1) {
      out.push(ev(20, 'cowrie.direct-tcpip.request', { dst_ip: '198.18.5.5', dst_port: 443, src_port: 5555, orig_ip: '127.0.0.1', orig_port: 5555 }, '192.0.2.201'));
    }
    out.push(ev(40, 'cowrie.session.closed', { duration: 40 + i / 8 }));
  });
  return out;
}

/** Events in time order, dealt round-robin over `n` files (each file in time order). */
function dealOver(events: Raw[], n: number): string[] {
  const sorted = [...events].sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  const files: string[][] = Array.from({ length: n }, () => []);
  sorted.forEach((e, i) => files[i % n]!.push(JSON.stringify(e)));
  return files.map((lines) => lines.join('\n') + '\n');
}

// ---------------------------------------------------------------------------------------------
// The expected table, computed from the events alone
// ---------------------------------------------------------------------------------------------

function unwrapVersion(v: string): string {
  const m = /^b?(['"])(.*)\1$/s.exec(v.trim());
  return m ? m[2]! : v.trim();
}

/** What every variant must store, except `risk_score` (checked against the commands table). */
function expectedSessions(events: Raw[]): Map<string, SessionRow> {
  const bySession = new Map<string, Raw[]>();
  for (const e of events) {
    if (typeof e.session !== 'string') continue;
    const k = `${e.sensor || ''}/${e.session}`;
    bySession.set(k, [...(bySession.get(k) ?? []), e]);
  }
  const out = new Map<string, SessionRow>();
  for (const [k, evs] of bySession) {
    const byTime = [...evs].sort((a, b) => (a.timestamp < b.timestamp ? -1 : 1));
    for (const e of evs) expect(e.timestamp, 'fixture timestamps must be canonical for text comparison').toMatch(CANONICAL_TS);
    const of = (id: string) => byTime.filter((e) => e.eventid === id);
    const connect = of('cowrie.session.connect')[0];
    const closed = of('cowrie.session.closed').at(-1);
    const version = of('cowrie.client.version')[0];
    const kex = of('cowrie.client.kex')[0];
    // Without a connect the first event's address would depend on load order: our data has one.
    expect(connect, `${k} has a connect event`).toBeDefined();
    const duration = closed ? Math.round(Number(closed.duration_ms ?? Number(closed.duration) * 1000)) : null;
    out.set(k, {
      sensor: evs[0]!.sensor || '',
      session: evs[0]!.session!,
      src_ip: connect!.src_ip as string,
      src_port: connect!.src_port as number,
      dst_ip: connect!.dst_ip as string,
      dst_port: connect!.dst_port as number,
      protocol: connect!.protocol as string,
      first_ts: byTime[0]!.timestamp,
      last_ts: byTime.at(-1)!.timestamp,
      duration_ms: duration,
      connect_seen: 1,
      closed: closed ? 1 : 0,
      client_version: version ? (version.version as string) : null,
      client_version_norm: version ? unwrapVersion(version.version as string) : null,
      hassh: kex ? (kex.hassh as string) : null,
      event_count: evs.length,
      login_attempts: of('cowrie.login.failed').length + of('cowrie.login.success').length,
      login_success: of('cowrie.login.success').length,
      command_count: of('cowrie.command.input').filter((e) => typeof e.input === 'string').length,
      download_count: of('cowrie.session.file_download').length,
      upload_count: of('cowrie.session.file_upload').length,
      tcpip_count: of('cowrie.direct-tcpip.request').length,
      ssh_key_count: 0,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Loading variants
// ---------------------------------------------------------------------------------------------

interface Variant {
  name: string;
  batchSize: number;
  /** File indexes per bulkLoad call, in order. */
  loads: number[][];
}

function variants(fileCount: number): Variant[] {
  const fwd = Array.from({ length: fileCount }, (_, i) => i);
  const rev = [...fwd].reverse();
  const out: Variant[] = [];
  for (const batchSize of [1, 2, 3, 1000]) {
    out.push({ name: `batch ${batchSize}, files in order`, batchSize, loads: [fwd] });
    out.push({ name: `batch ${batchSize}, files reversed`, batchSize, loads: [rev] });
  }
  out.push({ name: 'batch 2, one load per file, in order', batchSize: 2, loads: fwd.map((i) => [i]) });
  out.push({ name: 'batch 3, one load per file, reversed', batchSize: 3, loads: rev.map((i) => [i]) });
  return out;
}

/** The whole `sessions` table (without `updated_at`), keyed `sensor/session`, plus the max command risk per session. */
async function readSessions(store: CowrieStore): Promise<{ rows: Map<string, SessionRow>; commandRisk: Map<string, number> }> {
  const raw = (await store.db.selectFrom('sessions').selectAll().execute()) as unknown as Array<Record<string, unknown>>;
  const rows = new Map<string, SessionRow>();
  for (const r of raw) {
    const row: SessionRow = {};
    for (const [k, v] of Object.entries(r)) {
      if (k === 'updated_at') continue;
      row[k] = v === null || v === undefined ? null : NUMERIC.has(k) ? Number(v) : String(v);
    }
    rows.set(`${row.sensor}/${row.session}`, row);
  }
  const risk = await store.db.selectFrom('commands').select(['sensor', 'session', (eb) => eb.fn.max('risk_score').as('r')]).groupBy(['sensor', 'session']).execute();
  const commandRisk = new Map(risk.map((r) => [`${r.sensor}/${r.session}`, Number(r.r)]));
  return { rows, commandRisk };
}

const sortedEntries = (m: Map<string, SessionRow>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

// ---------------------------------------------------------------------------------------------
// The datasets
// ---------------------------------------------------------------------------------------------

const tmp = mkdtempSync(join(tmpdir(), 'cowrie-merge-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Dataset {
  name: string;
  files: string[];
  events: Raw[];
}

function rotationDataset(): Dataset {
  const files = readManifest().rotation.files.map((f) => fixturePath(f));
  const events = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Raw));
  return { name: 'rotation fixtures', files, events };
}

function generatedDataset(): Dataset {
  const events = generatedEvents();
  const files = dealOver(events, 3).map((text, i) => {
    const p = join(tmp, `generated-${i}.json`);
    writeFileSync(p, text);
    return p;
  });
  return { name: 'generated sessions', files, events };
}

const datasets = [rotationDataset(), generatedDataset()];

describe('the rotation fixtures are what the manifest says', () => {
  it('the merged session computed from the events matches manifest.json', () => {
    const truth = readManifest().rotation;
    const ds = datasets[0]!;
    const want = expectedSessions(ds.events);
    expect(want.size).toBe(truth.sessions);
    const m = truth.mergedSession;
    expect(want.get(`${m.sensor}/${m.session}`)).toMatchObject({
      src_ip: m.srcIp, first_ts: m.firstTimestamp, last_ts: m.lastTimestamp, event_count: m.events, login_attempts: m.loginAttempts, command_count: m.commands,
    });
  });
});

describe.each(testDialects())('sessions do not depend on how events are split, on %s', (dialect) => {
  describe.each(datasets)('$name', (ds) => {
    const expected = expectedSessions(ds.events);
    const seen = new Map<string, Map<string, SessionRow>>();

    it('the data spans files and batches: some session has events in every file', () => {
      const perFile = ds.files.map((f) => new Set(readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
        const e = JSON.parse(l) as Raw;
        return `${e.sensor || ''}/${e.session}`;
      })));
      expect([...expected.keys()].some((k) => perFile.every((s) => s.has(k)))).toBe(true);
    });

    it.each(variants(ds.files.length))('$name gives the expected sessions table', async (v) => {
      const tdb = createTestDatabase(dialect);
      const store = await tdb.open();
      try {
        let events = 0;
        for (const load of v.loads) {
          const r = await bulkLoad(store, load.map((i) => ds.files[i]!), { batchSize: v.batchSize });
          expect({ deadLetters: r.deadLetters, duplicates: r.duplicates }).toEqual({ deadLetters: 0, duplicates: 0 });
          events += r.events;
        }
        expect(events).toBe(ds.events.length);
        const { rows, commandRisk } = await readSessions(store);
        seen.set(v.name, rows);
        expect([...rows.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [k, want] of sortedEntries(expected)) {
          const got = rows.get(k)!;
          const { risk_score: risk, ...rest } = got;
          expect(rest, k).toEqual(want);
          // The session's risk is the highest of its commands' (no downloads in these data).
          expect(risk, `${k} risk_score`).toBe(commandRisk.get(k) ?? 0);
        }
      } finally {
        await store.close();
        await tdb.drop();
      }
    });

    it('every variant stored exactly the same table (risk scores included)', () => {
      const all = variants(ds.files.length).map((v) => v.name);
      expect([...seen.keys()].sort()).toEqual([...all].sort());
      const reference = JSON.stringify(sortedEntries(seen.get(all[0]!)!));
      for (const name of all) expect(JSON.stringify(sortedEntries(seen.get(name)!)), name).toBe(reference);
    });
  });
});
