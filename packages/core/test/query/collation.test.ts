import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bulkLoad, listSessions, sensorCounts, topN, type CowrieStore, type TopDimension } from '../../src/index.js';
import { createTestDatabase, pgExec, testDialects, type TestDatabase } from '../support/dialects.js';

/**
 * Values whose order differs between byte order and linguistic collations such as en_US
 * (`_x` < `a` < `B` there; `B` < `_x` < `a` in bytes), plus non-ASCII ones: `é` (C3 A9), `ﬀ`
 * (U+FB00, EF AC 80) and `😀` (U+1F600, F0 9F 98 80; before `ﬀ` in UTF-16 code units).
 */
const VALUES = ['a', 'B', '_x', 'Zeta', 'é', 'ab', '-b', 'A1', 'ﬀ', '😀'];
/** Each value occurs this often in every dimension: all counts tie. */
const REPEAT = 2;
const T0 = '2024-05-01T00:00:00.000000Z';
const SHASUM = 'c'.repeat(64);

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** Every session starts at the same instant, so session lists are ordered by (sensor, session) alone. */
function capture(): string {
  const lines: string[] = [];
  VALUES.forEach((v, i) => {
    for (let r = 0; r < REPEAT; r++) {
      const base = { sensor: v, session: `s${i}r${r}`, src_ip: `192.0.2.${i + 1}` };
      const at = (ms: number) => `2024-05-01T00:00:0${ms}.000000Z`;
      lines.push(
        JSON.stringify({ ...base, eventid: 'cowrie.session.connect', timestamp: T0, src_port: 40000 + r, dst_ip: '10.0.0.2', dst_port: 22, protocol: 'ssh' }),
        JSON.stringify({ ...base, eventid: 'cowrie.client.version', timestamp: at(1), version: v }),
        JSON.stringify({ ...base, eventid: 'cowrie.client.kex', timestamp: at(2), hassh: v }),
        JSON.stringify({ ...base, eventid: 'cowrie.login.failed', timestamp: at(3), username: v, password: v }),
        JSON.stringify({ ...base, eventid: 'cowrie.command.input', timestamp: at(4), input: v }),
        JSON.stringify({ ...base, eventid: 'cowrie.session.file_download', timestamp: at(5), url: `http://dl.example/${v}`, shasum: SHASUM, outfile: `dl/${SHASUM}` }),
        JSON.stringify({ ...base, eventid: 'cowrie.session.closed', timestamp: at(6), duration: 6 }),
      );
    }
  });
  return lines.join('\n') + '\n';
}

/**
 * A linguistic collation of the server (libc en_US, else ICU en-US): our text columns are switched
 * to it, as they would be in a database created with `LC_COLLATE=en_US.UTF-8`.
 */
async function linguisticCollation(): Promise<string> {
  const r = await pgExec(`select collname from pg_collation where collname in ('en_US.utf8', 'en_US.UTF-8', 'en_US', 'en-US-x-icu') order by collprovider = 'i', collname limit 1`);
  const name = r.rows[0]?.collname as string | undefined;
  expect(name, 'the PostgreSQL server has no en_US collation (libc or ICU) to test against').toBeDefined();
  return name!;
}

const COLUMNS: Array<[string, string]> = [
  ['sessions', 'sensor'], ['sessions', 'session'], ['sessions', 'src_ip'], ['sessions', 'hassh'], ['sessions', 'client_version_norm'],
  ['auth_attempts', 'username'], ['auth_attempts', 'password'], ['commands', 'input'], ['downloads', 'url'], ['downloads', 'shasum'],
  ['raw_events', 'sensor'],
];

describe.each(testDialects())('text order is byte order on %s, whatever the collation', (dialect) => {
  let tdb: TestDatabase;
  let store: CowrieStore;
  let dir: string;

  /** A setup failure (PostgreSQL down) fails every test through beforeEach, instead of skipping them. */
  let setupError: unknown;
  beforeAll(async () => {
    try {
      dir = mkdtempSync(join(tmpdir(), 'cowrie-collation-'));
      writeFileSync(join(dir, 'cowrie.json'), capture());
      tdb = createTestDatabase(dialect);
      store = await tdb.open();
      const r = await bulkLoad(store, [join(dir, 'cowrie.json')]);
      expect(r.events).toBe(VALUES.length * REPEAT * 7);
      if (dialect === 'postgres') {
        const coll = await linguisticCollation();
        // The linguistic collation really orders these values differently (else the test proves nothing).
        const probe = await sql<{ v: string }>`select v from (values ('a'), ('B'), ('_x')) as t(v) order by v collate ${sql.id(coll)}`.execute(store.db);
        expect(probe.rows.map((x) => x.v)).not.toEqual(['a', 'B', '_x'].sort(byteOrder));
        for (const [t, c] of COLUMNS) await sql`alter table ${sql.id(t)} alter column ${sql.id(c)} type text collate ${sql.id(coll)}`.execute(store.db);
      }
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

  const sorted = (vals: string[]) => [...vals].sort(byteOrder);
  const dims: Array<[TopDimension, (v: string) => string, number]> = [
    ['username', (v) => v, REPEAT], ['password', (v) => v, REPEAT], ['credential', (v) => `${v}:${v}`, REPEAT],
    ['command', (v) => v, REPEAT], ['downloadUrl', (v) => `http://dl.example/${v}`, REPEAT],
    ['hassh', (v) => v, REPEAT], ['clientVersion', (v) => v, REPEAT], ['sensor', (v) => v, REPEAT],
  ];

  it.each(dims)('top %s: equal counts are ordered by value, byte-wise', async (dim, valueOf, count) => {
    const got = await topN(store, dim, { limit: 100 });
    expect(got.map(({ value, count: c }) => ({ value, count: c }))).toEqual(sorted(VALUES.map(valueOf)).map((value) => ({ value, count })));
  });

  it('a limit cuts the byte-ordered list', async () => {
    const got = await topN(store, 'username', { limit: 3 });
    expect(got.map((x) => x.value)).toEqual(sorted(VALUES).slice(0, 3));
  });

  it('source IPs tie and are ordered byte-wise too', async () => {
    const ips = VALUES.map((_, i) => `192.0.2.${i + 1}`);
    const got = await topN(store, 'srcIp', { limit: 100 });
    expect(got).toEqual(sorted(ips).map((value) => ({ value, count: REPEAT })));
  });

  it('the URL shown next to a hash is the byte-wise greatest', async () => {
    const got = await topN(store, 'downloadHash', { limit: 5 });
    const urls = VALUES.map((v) => `http://dl.example/${v}`);
    expect(got).toEqual([{ value: SHASUM, count: VALUES.length * REPEAT, url: sorted(urls).at(-1)! }]);
  });

  it('sessions with the same first event are listed by sensor and session, byte-wise, page after page', async () => {
    const want = sorted(VALUES).flatMap((v) => Array.from({ length: REPEAT }, (_, r) => `${v}/s${VALUES.indexOf(v)}r${r}`));
    const all = await listSessions(store, { limit: 1000 });
    expect(all.map((s) => s.ref)).toEqual(want);
    const paged: string[] = [];
    let after: { firstTs: string; sensor: string; session: string } | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const page = await listSessions(store, { limit: 3, after });
      if (page.length === 0) break;
      paged.push(...page.map((s) => s.ref));
      const last = page.at(-1)!;
      after = { firstTs: last.firstTs!, sensor: last.sensor, session: last.session };
    }
    expect(paged).toEqual(want);
  });

  it('per-sensor counts are ordered by sensor, byte-wise', async () => {
    const got = await sensorCounts(store);
    expect(got.map((s) => s.sensor)).toEqual(sorted(VALUES));
  });
});
