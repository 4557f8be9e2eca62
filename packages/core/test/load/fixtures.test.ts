import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoad, type CowrieStore } from '../../src/index.js';
import { writeOversizeFixture } from '../support/big-record.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/dialects.js';
import { fixturePath, readManifest, type FixtureEntry } from '../support/fixtures.js';

const manifest = readManifest();

async function count(store: CowrieStore, table: 'raw_events' | 'dead_letters' | 'sessions'): Promise<number> {
  const r = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

// Lines of a file as bytes (1-based), to compare stored original bytes with the input.
function fileLines(entry: FixtureEntry): Buffer[] {
  const buf = readFileSync(fixturePath(entry.path));
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= buf.length; i++) {
    if (i === buf.length || buf[i] === 0x0a) {
      let end = i;
      if (end > start && buf[end - 1] === 0x0d) end--;
      out.push(buf.subarray(start, end));
      start = i + 1;
    }
  }
  return out;
}

describe.each(testDialects())('bulk loads of our fixtures on %s', (dialect) => {
  let tdb: TestDatabase;
  let store: CowrieStore;
  beforeAll(async () => {
    tdb = createTestDatabase(dialect);
    store = await tdb.open();
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  // Each fixture goes into its own namespace of sensors, so one database serves all of them:
  // a fixture's expected figures are compared with what its own load reports.
  for (const entry of manifest.files.filter((f) => f.compression === 'none' && !f.path.startsWith('rotation/'))) {
    it(`${entry.path}: ${entry.description.slice(0, 80)}`, async () => {
      const r = await bulkLoad(store, [fixturePath(entry.path)]);
      expect({ records: r.records, events: r.events, duplicates: r.duplicates, deadLetters: r.deadLetters }).toEqual({
        records: entry.records, ...entry.stored,
      });
      expect(r.records).toBe(r.events + r.duplicates + r.deadLetters);
      expect(r.sessions).toBe(entry.sessions);

      const sourceIds = (await store.db.selectFrom('sources').select('id').where('source_path', '=', fixturePath(entry.path)).execute()).map((x) => Number(x.id));
      const reasons = await store.db.selectFrom('dead_letters').select(['reason', 'line', 'raw']).where('source_id', 'in', sourceIds).execute();
      const byReason: Record<string, number> = {};
      for (const d of reasons) byReason[d.reason] = (byReason[d.reason] ?? 0) + 1;
      // The manifest counts reasons over all records; a repeated bad line is a duplicate, not a second row.
      const expected: Record<string, number> = { ...entry.deadLetterReasons };
      for (const rec of entry.recordList ?? []) {
        if (rec.outcome === 'deadLetter' && rec.duplicateOf !== undefined && rec.reason) expected[rec.reason] = (expected[rec.reason] ?? 0) - 1;
      }
      expect(byReason).toEqual(expected);

      for (const s of entry.sessionList) {
        const row = await store.db.selectFrom('sessions').selectAll().where('sensor', '=', s.sensor).where('session', '=', s.session).executeTakeFirst();
        expect(row, `${s.sensor}/${s.session}`).toBeDefined();
        expect({
          protocol: row!.protocol, srcIp: row!.src_ip, events: Number(row!.event_count), loginAttempts: Number(row!.login_attempts),
          commands: Number(row!.command_count), first: row!.first_ts, last: row!.last_ts,
        }).toEqual({
          protocol: s.protocol, srcIp: s.srcIp, events: s.events, loginAttempts: s.loginAttempts, commands: s.commands,
          first: s.firstTimestamp, last: s.lastTimestamp,
        });
      }

      // Original bytes: dead letters always, events whenever their text had to change.
      const lines = fileLines(entry);
      for (const d of reasons) {
        if (entry.recordList?.find((x) => x.line === d.line)?.lines) continue; // multi-line records are joined
        expect(Buffer.from(d.raw).toString('hex'), `dead letter line ${d.line}`).toBe(lines[d.line - 1]!.toString('hex').replace(/^efbbbf/, ''));
      }
      for (const rec of entry.recordList ?? []) {
        if (!rec.altered) continue;
        const ev = await store.db.selectFrom('raw_events').select(['raw', 'payload']).where('source_id', 'in', sourceIds).where('line', '=', rec.line).executeTakeFirstOrThrow();
        expect(ev.raw, `line ${rec.line} keeps its bytes`).not.toBeNull();
        expect(Buffer.from(ev.raw!).equals(lines[rec.line - 1]!)).toBe(true);
        const payload = typeof ev.payload === 'string' ? ev.payload : JSON.stringify(ev.payload);
        // Neither a raw NUL nor its JSON escape may reach the stored payload.
        expect(payload.includes('\u0000')).toBe(false);
        expect(payload.includes('\\u0000')).toBe(false);
      }

      const again = await bulkLoad(store, [fixturePath(entry.path)]);
      expect({ events: again.events, deadLetters: again.deadLetters, duplicates: again.duplicates }).toEqual({ events: 0, deadLetters: 0, duplicates: entry.records });
    });
  }

  it('compressed copies (gzip, bzip2, gzip named cowrie.json) read like their source and are its duplicates', async () => {
    const copies = manifest.files.filter((f) => f.compression !== 'none');
    expect(copies.length).toBe(3);
    for (const c of copies) {
      const r = await bulkLoad(store, [fixturePath(c.path)]);
      expect(r.perFile[0]!.compression).toBe(c.compression);
      expect(r.records).toBe(c.records);
      // The source fixture was loaded above (or is loaded by one of the copies first).
      expect(r.events + r.duplicates).toBe(c.events);
    }
  });

  it('same lines under another name, and from stdin, are duplicates', async () => {
    const entry = manifest.files.find((f) => f.path === 'eras/v2.8-2025.json')!;
    await bulkLoad(store, [fixturePath(entry.path)]);
    const before = await count(store, 'raw_events');
    const r = await bulkLoad(store, ['-'], { stdin: Readable.from([readFileSync(fixturePath(entry.path))]) });
    expect(r.perFile[0]!.file).toMatch(/^stdin:/);
    expect(r.events).toBe(0);
    expect(r.duplicates).toBe(entry.records);
    expect(await count(store, 'raw_events')).toBe(before);
  });
});

describe.each(testDialects())('sessions across files and oversize records on %s', (dialect) => {
  let tdb: TestDatabase;
  afterAll(async () => {
    await tdb?.drop();
  });

  it('a session split by a midnight rotation is one session: first = min, last = max, counts add', async () => {
    const rot = manifest.rotation;
    for (const order of [rot.files, [...rot.files].reverse()]) {
      tdb = createTestDatabase(dialect);
      const store = await tdb.open();
      try {
        // Two separate loads, in either order, give the same aggregate as one load.
        for (const f of order) await bulkLoad(store, [fixturePath(f)], { batchSize: 3 });
        const m = rot.mergedSession;
        const row = await store.db.selectFrom('sessions').selectAll().where('sensor', '=', m.sensor).where('session', '=', m.session).executeTakeFirstOrThrow();
        expect({ first: row.first_ts, last: row.last_ts, events: Number(row.event_count), logins: Number(row.login_attempts), commands: Number(row.command_count), srcIp: row.src_ip })
          .toEqual({ first: m.firstTimestamp, last: m.lastTimestamp, events: m.events, logins: m.loginAttempts, commands: m.commands, srcIp: m.srcIp });
        expect(await count(store, 'sessions')).toBe(rot.sessions);
      } finally {
        await store.close();
        await tdb.drop();
      }
    }
  });

  it('a record over the size cap becomes a too_large dead letter with its first bytes kept, and loads go on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cowrie-big-'));
    tdb = createTestDatabase(dialect);
    const store = await tdb.open();
    try {
      const fx = writeOversizeFixture(dir, { capBytes: 64 * 1024 });
      const r = await bulkLoad(store, [fx.path], { maxRecordBytes: fx.capBytes });
      expect({ records: r.records, events: r.events, deadLetters: r.deadLetters, duplicates: r.duplicates }).toEqual({
        records: fx.records, events: fx.events, deadLetters: fx.deadLetters, duplicates: fx.duplicates,
      });
      const d = await store.db.selectFrom('dead_letters').selectAll().executeTakeFirstOrThrow();
      expect(d.reason).toBe('too_large');
      expect(Number(d.line)).toBe(fx.oversizeLine);
      expect(Number(d.length)).toBe(fx.oversizeBytes);
      const original = readFileSync(fx.path).subarray(0, 1_000_000).toString('utf8').split('\n')[1]!;
      expect(Buffer.from(d.raw).toString('utf8')).toBe(original.slice(0, fx.capBytes));
      const again = await bulkLoad(store, [fx.path], { maxRecordBytes: fx.capBytes });
      expect(again.duplicates).toBe(fx.records);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
