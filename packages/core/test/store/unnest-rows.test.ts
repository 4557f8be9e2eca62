import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CowrieStore } from '../../src/index.js';
import { arrayLiteral, unnestRows, type UnnestColumns } from '../../src/store/dialects/postgres/unnest-rows.js';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';

// Attacker-controlled text reaches these arrays (usernames, passwords, commands, payloads).
const HOSTILE = ['', 'NULL', 'null', '"', '\\', '\\"', '{', '}', '{a,b}', ',', ' lead', 'trail ', 'a"b\\c', '\\x00', 'tab\there', 'nl\nhere',
  'ünïcødé ✓ 𝕏', '{"eventid":"cowrie.command.input","input":"echo \\"hi\\" > /tmp/x"}', '\u0001\u0002'];

describe('PostgreSQL array-parameter inserts', () => {
  let tdb: TestDatabase;
  let store: CowrieStore;
  beforeAll(async () => {
    tdb = createTestDatabase('postgres');
    store = await tdb.open();
    await sql`create table unnest_probe (t text, n int4, b bigint, h bytea, j json)`.execute(store.db);
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  it('round-trips hostile text, nulls, numbers, bytes and JSON exactly', async () => {
    const rows = HOSTILE.map((t, i) => ({ t, n: i % 3 === 0 ? null : -i, b: 2 ** 40 + i, h: Buffer.from([i, 0, 255, 92, 34]), j: JSON.stringify({ s: t, i }) }));
    rows.push({ t: null as unknown as string, n: 7, b: 0, h: null as unknown as (typeof rows)[number]['h'], j: '[]' });
    const cols: UnnestColumns = [['t', 'text'], ['n', 'int4'], ['b', 'int8'], ['h', 'bytea'], ['j', 'json']];
    await store.db.insertInto('unnest_probe' as never).columns(['t', 'n', 'b', 'h', 'j'] as never).expression(unnestRows(cols, rows) as never).execute();
    const back = await sql<{ t: string | null; n: number | null; b: string; h: Buffer | null; j: unknown }>`select t, n, b, h, j::text as j from unnest_probe`.execute(store.db);
    expect(back.rows).toHaveLength(rows.length);
    for (const [i, r] of back.rows.entries()) {
      expect(r.t).toBe(rows[i]!.t);
      expect(r.n).toBe(rows[i]!.n);
      expect(Number(r.b)).toBe(rows[i]!.b);
      expect(r.h === null ? null : Buffer.from(r.h)).toEqual(rows[i]!.h);
      expect(r.j).toBe(rows[i]!.j);
    }
  });

  it('writes an array literal pg would parse the same way', () => {
    expect(arrayLiteral([{ v: 'a"b' }, { v: null }, { v: 3 }, { v: Buffer.from([1, 171]) }], 'v')).toBe('{"a\\"b",NULL,3,"\\\\x01ab"}');
  });
});
