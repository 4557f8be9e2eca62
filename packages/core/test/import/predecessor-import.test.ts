import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bulkLoad, importPredecessor, isoOf, restorePayload } from '../../src/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/dialects.js';
import { repoRoot } from '../support/fixtures.js';
import { snapshot } from '../support/snapshot.js';
import { writePredecessorDb, type PredecessorFixture } from './predecessor-db.js';

const DERIVED = ['sessions', 'commands', 'auth_attempts', 'downloads', 'ssh_keys', 'tcp_forwards'] as const;

describe('restorePayload', () => {
  it('puts the original command back and drops the keys the predecessor added', () => {
    const r = restorePayload({ eventid: 'cowrie.command.input', input: '[defanged] x', command: '[defanged] x', input_original: 'wget http://a/b', command_original: 'wget http://a/b', input_safe: 's', input_hash: 'h', command_analysis: {} });
    expect(r.restored).toBe(true);
    expect(JSON.parse(r.text)).toEqual({ eventid: 'cowrie.command.input', input: 'wget http://a/b' });
  });
  it('keeps the rewritten form when the original was never kept (legacy mode), and says so', () => {
    const r = restorePayload({ eventid: 'cowrie.command.input', input: null, input_safe: '[URL]x', input_hash: 'h' });
    expect(r.lost).toBe(true);
    expect(JSON.parse(r.text).input).toBe('[URL]x');
  });
});

describe('isoOf', () => {
  it('reads both dialects\' timestamp text as UTC with 6 digits', () => {
    expect(isoOf('2026-01-02 03:04:05.123456')).toBe('2026-01-02T03:04:05.123456Z');
    expect(isoOf('2026-01-02 05:04:05+02')).toBe('2026-01-02T03:04:05.000000Z');
    expect(isoOf('nonsense')).toBeNull();
  });
});

describe.each(testDialects())('import predecessor from a %s database', (dialect) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('re-ingests its events with the original commands, and a later load of the same log adds nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cowrie-pred-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const log = join(dir, 'cowrie.json.2024-09-28');
    copyFileSync(join(repoRoot, 'examples/sample/cowrie.json'), log);
    const pred: PredecessorFixture = await writePredecessorDb(dialect, log, join(dir, 'old.sqlite'));
    cleanups.push(pred.drop);
    const ours: TestDatabase = createTestDatabase(dialect);
    const clean: TestDatabase = createTestDatabase(dialect);
    cleanups.push(ours.drop, clean.drop);

    const store = await ours.open();
    const r = await importPredecessor(store, pred.from);
    expect(r.load.records).toBe(pred.lines);
    expect(r.load.events + r.load.duplicates).toBe(pred.lines);
    expect(r.load.deadLetters).toBe(0);
    expect(pred.neutralised).toBeGreaterThan(0);
    expect(r.payloads.restoredCommands).toBe(pred.neutralised);
    expect(r.enrichment).toEqual({ cacheImported: 1, cacheSkipped: 1, unmappedServices: { cymru: 1 }, passwordsImported: 1, passwordsUnchecked: 1 });

    // Same sessions, commands (original text), logins, downloads … as loading the log itself.
    const cleanStore = await clean.open();
    await bulkLoad(cleanStore, [log]);
    const a = await snapshot(store, { positions: false });
    const b = await snapshot(cleanStore, { positions: false });
    for (const t of DERIVED) expect(a[t], t).toEqual(b[t]);
    // Each event kept its position: line = the predecessor's 0-based offset + 1.
    const lines = await store.db.selectFrom('raw_events').select('line').orderBy('line').limit(3).execute();
    expect(lines.map((l) => Number(l.line))).toEqual([1, 2, 3]);

    // The log the predecessor read is recognised by position: nothing is added.
    const again = await bulkLoad(store, [log]);
    expect(again.records).toBe(pred.lines);
    expect(again.duplicates).toBe(pred.lines);
    expect(again.events).toBe(0);
    // Importing twice adds nothing either.
    const twice = await importPredecessor(store, pred.from);
    expect(twice.load.events).toBe(0);
    expect(twice.enrichment.cacheImported).toBe(0);
    expect(twice.enrichment.passwordsImported).toBe(0);

    const hibp = await store.db.selectFrom('enrichment').selectAll().where('subject_type', '=', 'password').execute();
    expect(hibp).toHaveLength(1);
    expect(hibp[0]!.subject).toBe('5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8'); // SHA-1 of "password", never the text
    const dshield = await store.db.selectFrom('enrichment_cache').selectAll().where('service', '=', 'dshield').executeTakeFirstOrThrow();
    expect(dshield.created_at).toBe('2026-01-02T03:04:05.123456Z');
    await store.close();
    await cleanStore.close();
  });
});
