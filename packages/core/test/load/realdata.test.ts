import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoad, type CowrieStore, type LoadResult } from '../../src/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/dialects.js';
import { realdataDir } from '../support/fixtures.js';

interface ManifestRow { path: string; parseable: number; unparseable: number }

function readManifest(): ManifestRow[] {
  const [header, ...lines] = readFileSync(join(realdataDir, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const cols = header!.split('\t');
  const at = (name: string) => cols.indexOf(name);
  return lines.map((l) => {
    const f = l.split('\t');
    return { path: join(realdataDir, f[at('dest_path')]!), parseable: Number(f[at('json_events')]), unparseable: Number(f[at('unparseable_lines')]) };
  });
}

// Independent of the code under test: distinct (sensor, session) pairs among the parseable lines.
function expectedSessions(rows: ManifestRow[]): number {
  const keys = new Set<string>();
  for (const r of rows) {
    const buf = readFileSync(r.path);
    const text = (buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf).toString('utf8');
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const o = JSON.parse(line) as { sensor?: string; session?: string };
        if (typeof o.session === 'string') keys.add(`${o.sensor ?? ''}/${o.session}`);
      } catch {
        /* the manifest's unparseable lines */
      }
    }
  }
  return keys.size;
}

describe.each(testDialects())('real Cowrie logs (../shared/realdata) on %s', (dialect) => {
  const manifest = readManifest();
  let tdb: TestDatabase;
  let store: CowrieStore;
  let first: LoadResult;

  beforeAll(async () => {
    tdb = createTestDatabase(dialect);
    store = await tdb.open();
    first = await bulkLoad(store, [realdataDir], { batchSize: 5000 });
  }, 600_000);
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  it('reads every file of the manifest and nothing else', () => {
    expect(first.perFile.map((p) => p.path).sort()).toEqual(manifest.map((r) => r.path).sort());
    expect(first.files).toBe(manifest.length);
    expect(first.failed).toEqual([]);
    // The directory also holds the data set's own notes, which are not JSON logs.
    expect(first.skipped.map((s) => basename(s.file)).sort()).toEqual(['MANIFEST.tsv', 'SOURCES.md']);
  });

  it('dead letters equal the unparseable lines and events + duplicates the parseable ones, per file', () => {
    for (const row of manifest) {
      const f = first.perFile.find((p) => p.path === row.path);
      expect(f, row.path).toBeDefined();
      expect({ file: row.path, deadLetters: f!.deadLetters, eventsAndDuplicates: f!.events + f!.duplicates }).toEqual({
        file: row.path, deadLetters: row.unparseable, eventsAndDuplicates: row.parseable,
      });
    }
    expect(first.records).toBe(first.events + first.duplicates + first.deadLetters);
  });

  it('stores one session per (sensor, session) pair, aggregated across files', async () => {
    const n = await store.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(expectedSessions(manifest));
    expect(first.sessions).toBe(Number(n.n));
    const sums = await store.db.selectFrom('sessions').select((eb) => eb.fn.sum<number>('event_count').as('s')).executeTakeFirstOrThrow();
    const withSession = await store.db.selectFrom('raw_events').select((eb) => eb.fn.countAll<number>().as('n')).where('session', 'is not', null).executeTakeFirstOrThrow();
    expect(Number(sums.s)).toBe(Number(withSession.n));
  });

  it('a second load of everything adds nothing', async () => {
    const before = await counts(store);
    const again = await bulkLoad(store, [realdataDir], { batchSize: 5000 });
    expect(again.events).toBe(0);
    expect(again.deadLetters).toBe(0);
    expect(again.sessions).toBe(0);
    expect(again.duplicates).toBe(again.records);
    expect(again.records).toBe(first.records);
    expect(await counts(store)).toEqual(before);
  }, 600_000);
});

async function counts(store: CowrieStore): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['raw_events', 'sessions', 'commands', 'auth_attempts', 'downloads', 'ssh_keys', 'tcp_forwards', 'dead_letters'] as const) {
    const r = await store.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  const s = await store.db.selectFrom('sessions').select((eb) => eb.fn.sum<number>('event_count').as('s')).executeTakeFirstOrThrow();
  out.sessionEvents = Number(s.s);
  return out;
}
