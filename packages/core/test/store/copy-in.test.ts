import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyIn, copyValue } from '../../src/store/dialects/postgres/copy-in.js';
import { TEST_PG_URL } from '../support/dialects.js';

// Attacker-controlled text reaches COPY (payloads, usernames, commands): every escape must hold.
const HOSTILE = ['', '\\N', 'N', '\\', '\\\\', 'tab\there', 'nl\nhere', 'cr\rhere', '"quoted"', 'a,b', '{x}', 'ünïcødé ✓ 𝕏', '\u0001\u001f',
  '{"eventid":"cowrie.command.input","input":"printf \\"\\\\x41\\" | sh"}'];

describe('COPY into PostgreSQL', () => {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  beforeAll(async () => {
    await client.connect();
    await client.query('create temp table copy_probe (t text, n int8, h bytea, ord int4)');
  });
  afterAll(async () => {
    await client.end();
  });

  it('round-trips hostile text, nulls, numbers and bytes exactly', async () => {
    const rows = [...HOSTILE.map((t, i) => [t, i % 4 === 0 ? null : 2 ** 40 + i, Buffer.from([i, 0, 9, 10, 92, 255])] as const), [null, 0, null] as const];
    const text = rows.map((r, i) => `${r.map(copyValue).join('\t')}\t${i}\n`).join('');
    expect(await copyIn(client, 'copy copy_probe (t, n, h, ord) from stdin', Buffer.from(text))).toBe(rows.length);
    const back = await client.query<{ t: string | null; n: string | null; h: Buffer | null }>('select t, n, h from copy_probe order by ord');
    expect(back.rows.map((r) => [r.t, r.n === null ? null : Number(r.n), r.h])).toEqual(rows.map((r) => [...r]));
  });

  it('rejects with the server error and leaves the connection usable', async () => {
    await expect(copyIn(client, 'copy copy_probe (t, n, h, ord) from stdin', Buffer.from('a\tnot-a-number\t\\N\t1\n'))).rejects.toThrow(/invalid input syntax/);
    expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });
});
