import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoad } from '../../src/index.js';
import { copyEventsDirect } from '../../src/store/dialects/postgres/direct-copy.js';
import type { PreparedEvent } from '../../src/store/writer/batch-types.js';
import { TEST_PG_URL, createTestDatabase, type TestDatabase } from '../support/dialects.js';

const line = (i: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ eventid: 'cowrie.login.failed', timestamp: `2024-05-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(6, '0')}Z`, sensor: 's', session: `se${i % 7}`, src_ip: '192.0.2.7', username: 'root', password: `pw${i}`, ...extra });

function event(i: number): PreparedEvent {
  const text = line(i);
  return {
    row: {
      content_hash: Buffer.alloc(16, i), eventid: 'cowrie.login.failed', ts: `2024-05-01T00:00:00.${String(i).padStart(6, '0')}Z`, sensor: 's', session: 'x',
      src_ip: '192.0.2.7', payload: text, raw: null, source_id: 1, line: i, byte_offset: i * 100,
    },
    derived: null, session: null, original: Buffer.from(text),
  };
}

// The fast path (ids from the sequence, COPY straight into raw_events) must fall back cleanly
// whenever the table refuses the COPY, inside the batch's transaction.
describe('PostgreSQL direct COPY of new events', () => {
  let tdb: TestDatabase;
  let client: pg.Client;
  let schema: string;
  beforeAll(async () => {
    tdb = createTestDatabase('postgres');
    const store = await tdb.open();
    await store.close();
    schema = new URL(tdb.target).searchParams.get('schema')!;
    client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    await client.query(`set search_path = ${schema}`);
  });
  afterAll(async () => {
    await client.end();
    await tdb.drop();
  });

  it('stores new events with ids in batch order, and refuses a duplicate without spoiling the transaction', async () => {
    await client.query('begin');
    const ids = await copyEventsDirect(client, [event(1), event(2), event(3)]);
    expect(ids).not.toBeNull();
    expect(ids![1]! - ids![0]!).toBe(1);
    expect(ids![2]! - ids![1]!).toBe(1);
    // The same rows again: the unique (ts, content_hash) index refuses the COPY.
    expect(await copyEventsDirect(client, [event(4), event(2)])).toBeNull();
    // Still usable, and the refused COPY left nothing behind.
    const rows = await client.query<{ id: string; line: number }>('select id, line from raw_events order by id');
    expect(rows.rows.map((r) => [Number(r.id), r.line])).toEqual([[ids![0], 1], [ids![1], 2], [ids![2], 3]]);
    await client.query('commit');
  });

  it('falls back when someone took ids it was about to use (the primary key refuses)', async () => {
    await client.query('begin');
    // A row at the id the next range starts with, written without advancing the sequence.
    const next = Number((await client.query<{ v: string }>(`select last_value + 1 as v from ${schema}.raw_events_id_seq`)).rows[0]!.v);
    const squatter = event(50);
    await client.query(`insert into raw_events (id, content_hash, eventid, ts, sensor, payload, source_id, line, byte_offset) values ($1, $2, 'x', 't', 's', '{}', 1, 0, 0)`,
      [next, squatter.row.content_hash]);
    expect(await copyEventsDirect(client, [event(10), event(11)])).toBeNull();
    expect((await client.query('select count(*)::int as n from raw_events where line in (10, 11)')).rows[0].n).toBe(0);
    await client.query('rollback');
  });
});

describe('a bulk load over events partly stored already, on PostgreSQL', () => {
  let tdb: TestDatabase;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cowrie-direct-'));
  });
  afterAll(async () => {
    await tdb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores each event and derived row once, whichever path each batch took', async () => {
    tdb = createTestDatabase('postgres');
    const store = await tdb.open();
    try {
      const lines = Array.from({ length: 300 }, (_, i) => line(i));
      const first = join(dir, 'first.json');
      const both = join(dir, 'both.json');
      writeFileSync(first, `${lines.slice(0, 150).join('\n')}\n`);
      // The second file repeats the first half, then adds new lines, one of them twice in a row
      // (a duplicate within one batch). Batches of 5: the fast path misses, the deduplicating
      // path takes over for a while, then the fast path is tried again on new lines.
      writeFileSync(both, `${[...lines.slice(0, 201), lines[200]!, ...lines.slice(201)].join('\n')}\n`);
      const a = await bulkLoad(store, [first], { batchSize: 40 });
      expect([a.events, a.duplicates]).toEqual([150, 0]);
      const b = await bulkLoad(store, [both], { batchSize: 5 });
      expect([b.records, b.events, b.duplicates, b.deadLetters]).toEqual([301, 150, 151, 0]);
      const counts = await store.db.selectFrom('raw_events').select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.count<string>('id').distinct().as('ids')]).executeTakeFirstOrThrow();
      expect([Number(counts.n), Number(counts.ids)]).toEqual([300, 300]);
      const auth = await store.db.selectFrom('auth_attempts as a').innerJoin('raw_events as r', 'r.id', 'a.event_id').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(Number(auth.n)).toBe(300);
      const sessions = await store.db.selectFrom('sessions').select((eb) => eb.fn.sum<string>('login_attempts').as('n')).executeTakeFirstOrThrow();
      expect(Number(sessions.n)).toBe(300);
    } finally {
      await store.close();
    }
  }, 60_000);
});
