import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deltaLoad, type CowrieStore } from '@cowrieprocessor/core';
import { createTestDatabase, testDialects, type TestDatabase } from '../campaigns/support/dialects.js';
import { loadSessions } from '../../src/data/load-sessions.js';
import type { SessionRecord } from '../../src/data/session-record.js';
import { extractFeatures } from '../../src/features/extract-features.js';
import { FEATURE_NAMES } from '../../src/features/feature-spec.js';
import { featuresWithCache } from '../../src/store/feature-cache.js';
import { novelSessionLines } from './support/novel-sessions.js';

const WINDOW = { since: '2022-07-18T00:00:00.000000Z', until: '2022-07-19T00:00:00.000000Z' };
const SENSOR = 'hp-cache';

/** An extractor that records which sessions it was asked for. */
function countingExtractor() {
  const seen: string[] = [];
  return { seen, extract: (s: SessionRecord) => (seen.push(s.session), extractFeatures(s)) };
}

describe.each(testDialects())('session feature cache on %s', (dialect) => {
  let db: TestDatabase;
  let store: CowrieStore;
  let dir: string;
  let log: string;
  const novel = novelSessionLines({ count: 5, sensor: SENSOR, startIso: '2022-07-18T03:00:00Z' });
  const continued = novel.injected[2]!;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'feature-cache-'));
    log = join(dir, 'cowrie.json');
    writeFileSync(log, novel.lines.join('\n') + '\n');
    db = createTestDatabase(dialect);
    store = await db.open({ access: 'write' });
    await deltaLoad(store, [log]);
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('extracts every session on the first run and reuses all of them on the next', async () => {
    const sessions = await loadSessions(store, WINDOW);
    expect(sessions).toHaveLength(5);
    const first = countingExtractor();
    const a = await featuresWithCache(store, WINDOW, sessions, { extract: first.extract });
    expect({ extracted: a.extracted, reused: a.reused }).toEqual({ extracted: 5, reused: 0 });
    expect(a.vectors[0]).toHaveLength(FEATURE_NAMES.length);
    const rows = await store.db.selectFrom('session_features').selectAll().execute();
    expect(rows).toHaveLength(5);

    const second = countingExtractor();
    const b = await featuresWithCache(store, WINDOW, await loadSessions(store, WINDOW), { extract: second.extract });
    expect({ extracted: b.extracted, reused: b.reused }).toEqual({ extracted: 0, reused: 5 });
    expect(second.seen).toEqual([]);
    expect(b.vectors).toEqual(a.vectors);
  });

  it('re-extracts only the session that a later load continued (late events move updated_at)', async () => {
    const before = await loadSessions(store, WINDOW);
    const old = before.find((s) => s.session === continued.session)!;
    // A late command of one session, appended to the live log and picked up by a delta load.
    appendFileSync(log, JSON.stringify({
      eventid: 'cowrie.command.input', input: 'cat /etc/shadow', message: 'CMD: cat /etc/shadow',
      sensor: SENSOR, session: continued.session, src_ip: continued.srcIp, timestamp: '2022-07-18T05:30:00.000000Z',
    }) + '\n');
    await deltaLoad(store, [log]);
    const after = await loadSessions(store, WINDOW);
    const changed = after.find((s) => s.session === continued.session)!;
    expect(changed.updatedAt).not.toBe(old.updatedAt);

    const c = countingExtractor();
    const r = await featuresWithCache(store, WINDOW, after, { extract: c.extract });
    expect({ extracted: r.extracted, reused: r.reused }).toEqual({ extracted: 1, reused: 4 });
    expect(c.seen).toEqual([continued.session]);
    const i = after.indexOf(changed);
    expect(r.vectors[i]![FEATURE_NAMES.indexOf('commandCount')]).toBe(old.commands.length + 1);
  });

  it('re-extracts everything for another extractor version, and writes nothing when asked not to', async () => {
    const sessions = await loadSessions(store, WINDOW);
    const v = await featuresWithCache(store, WINDOW, sessions, { version: 999, write: false });
    expect(v.extracted).toBe(5);
    const again = await featuresWithCache(store, WINDOW, sessions, { version: 999 });
    expect(again.extracted).toBe(5);
    const third = await featuresWithCache(store, WINDOW, sessions, { version: 999 });
    expect({ extracted: third.extracted, reused: third.reused }).toEqual({ extracted: 0, reused: 5 });
  });

  it('only reads cache rows of the window (and sensor) asked for', async () => {
    const other = { since: '2022-07-19T00:00:00.000000Z', until: '2022-07-20T00:00:00.000000Z' };
    const r = await featuresWithCache(store, other, await loadSessions(store, other));
    expect({ extracted: r.extracted, reused: r.reused }).toEqual({ extracted: 0, reused: 0 });
  });
});
