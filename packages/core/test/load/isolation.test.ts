import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadAbortedError, bulkLoad } from '../../src/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/dialects.js';

const ev = (session: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ eventid: 'cowrie.session.connect', timestamp: '2024-05-01T00:00:00.000000Z', sensor: 's', session, src_ip: '192.0.2.1', src_port: 1, dst_ip: '10.0.0.1', dst_port: 22, ...extra });

// Values real attackers and broken shippers produce that a database may refuse.
function poisonLines(): string[] {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  return [
    ev('a0000001'),
    `{"eventid":"cowrie.login.failed","timestamp":"2024-05-01T00:00:01.000000Z","sensor":"s","session":"a0000002","username":"x","password":"y","junk":${deep}}`,
    ev('a0000003', { src_port: '99999999999', dst_port: -5 }),
    JSON.stringify({ eventid: 'cowrie.session.closed', timestamp: '2024-05-01T00:00:02.000000Z', sensor: 's', session: 'a0000003', duration: 1e30 }),
    `{"eventid":"cowrie.client.var","timestamp":"2024-05-01T00:00:03.000000Z","sensor":"s","session":"a0000004","value":1e999999}`,
    '\u0000\u0000\u0000{"eventid":',
    ev('a0000005'),
  ];
}

describe.each(testDialects())('one bad record never takes its neighbours down, on %s', (dialect) => {
  let tdb: TestDatabase;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cowrie-iso-'));
  });
  afterAll(async () => {
    await tdb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every record is an event, a duplicate or a dead letter, and the good ones after a bad one are stored', async () => {
    tdb = createTestDatabase(dialect);
    const store = await tdb.open();
    try {
      const lines = poisonLines();
      const file = join(dir, 'poison.json');
      writeFileSync(file, lines.join('\n') + '\n');
      for (const batchSize of [1, 2, 1000]) {
        const r = await bulkLoad(store, [file], { batchSize });
        expect(r.records).toBe(lines.length);
        expect(r.records).toBe(r.events + r.duplicates + r.deadLetters);
        expect(r.failed).toEqual([]);
      }
      const stored = await store.db.selectFrom('raw_events').select(['session', 'line']).execute();
      const dead = await store.db.selectFrom('dead_letters').select(['reason', 'line', 'raw']).execute();
      expect(stored.length + dead.length).toBe(lines.length);
      // The good connects before and after the bad lines are all there.
      expect(stored.map((s) => s.session)).toEqual(expect.arrayContaining(['a0000001', 'a0000003', 'a0000005']));
      for (const d of dead) {
        expect(['invalid_json', 'store_rejected', 'truncated']).toContain(d.reason);
        // Original bytes kept whatever the reason.
        expect(Buffer.from(d.raw).equals(Buffer.from(lines[d.line - 1]!))).toBe(true);
      }
      // Attacker ports and durations that fit no column are dropped from the typed columns only.
      const s3 = await store.db.selectFrom('sessions').selectAll().where('session', '=', 'a0000003').executeTakeFirstOrThrow();
      expect([s3.src_port, s3.dst_port, s3.duration_ms]).toEqual([null, null, null]);
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe.each(testDialects())('a refused record in the very first batch of a fresh store, on %s', (dialect) => {
  // On PostgreSQL the first batch of a connection also creates its staging table: the batch's
  // rollback must not take the table with it, or every retry of the isolation would fail too.
  it('leaves only that record as a dead letter', async () => {
    const tdb = createTestDatabase(dialect);
    const dir = mkdtempSync(join(tmpdir(), 'cowrie-first-'));
    const store = await tdb.open();
    try {
      const lines = poisonLines().slice(0, 3);
      const file = join(dir, 'first.json');
      writeFileSync(file, lines.join('\n') + '\n');
      const r = await bulkLoad(store, [file], { batchSize: 1000 });
      expect(r.records).toBe(3);
      expect(r.events + r.deadLetters).toBe(3);
      const stored = await store.db.selectFrom('raw_events').select('session').execute();
      expect(stored.map((x) => x.session)).toEqual(expect.arrayContaining(['a0000001', 'a0000003']));
      if (dialect === 'postgres') {
        // PostgreSQL's json type refuses the 100,000-deep nesting: that record alone is dead-lettered.
        const dead = await store.db.selectFrom('dead_letters').select(['reason', 'line']).execute();
        expect(dead).toEqual([{ reason: 'store_rejected', line: 2 }]);
        expect(r.events).toBe(2);
      }
    } finally {
      await store.close();
      await tdb.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a store failure that isolation cannot get past aborts with the partial result', () => {
  it.runIf(testDialects().includes('postgres'))('PostgreSQL: a trigger refusing every row stops the load; counts cover only committed records', async () => {
    const tdb = createTestDatabase('postgres');
    const dir = mkdtempSync(join(tmpdir(), 'cowrie-abort-'));
    const store = await tdb.open();
    try {
      await sql`create function refuse() returns trigger language plpgsql as $$ begin if new.session = 'bad00000' then raise exception 'refused by test trigger'; end if; return new; end $$`.execute(store.db);
      await sql`create trigger refuse before insert on raw_events for each row execute function refuse()`.execute(store.db);
      const lines = [ev('good0001'), ev('good0002'), ev('bad00000'), ev('good0003')];
      const file = join(dir, 'x.json');
      writeFileSync(file, lines.join('\n') + '\n');
      const err = await bulkLoad(store, [file], { batchSize: 2 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LoadAbortedError);
      const partial = (err as LoadAbortedError).partial;
      expect(partial.events).toBe(2);
      expect(partial.records).toBe(partial.events + partial.duplicates + partial.deadLetters);
      expect(partial.failed[0]?.error).toMatch(/refused by test trigger/);
      const n = await store.db.selectFrom('raw_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(2);
      expect(readFileSync(file, 'utf8').split('\n').length - 1).toBe(lines.length);
    } finally {
      await store.close();
      await tdb.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
