import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoad, type CowrieStore } from '@cowrieprocessor/core';
import { createTestDatabase, testDialects, type TestDatabase } from '../campaigns/support/dialects.js';
import { createJsBackend } from '../../src/compute/js/js-backend.js';
import { loadSessions } from '../../src/data/load-sessions.js';
import { sessionPages } from '../../src/data/session-pages.js';
import { extractFeatures } from '../../src/features/extract-features.js';
import { FeatureRowsBuilder, packFeatures } from '../../src/features/feature-rows.js';
import { detectLongtail } from '../../src/longtail/detect-longtail.js';
import { kDistanceScores } from '../../src/longtail/knn-outliers.js';
import { loadLongtailHistory, loadLongtailWindow } from '../../src/data/load-longtail.js';
import { LongtailSlimmer } from '../../src/longtail/longtail-session.js';
import { simulate } from '../../src/simulate/simulate.js';
import { novelSessionLines } from './support/novel-sessions.js';

const ALL = { since: '2000-01-01T00:00:00.000000Z', until: '2100-01-01T00:00:00.000000Z' };
const WEEK2 = { since: '2025-12-08T00:00:00.000000Z', until: '2100-01-01T00:00:00.000000Z' };

/** Two simulated weeks plus novel sessions, and three copies of one session under other ids (same first_ts: ties at page edges). */
function lines(): string[] {
  const w1 = simulate({ seed: 5, start: '2025-12-01T00:00:00Z', backgroundSessions: 300, botnets: [{ ips: 12, level: 'high' }] }).lines;
  const w2 = simulate({ seed: 6, start: '2025-12-08T00:00:00Z', backgroundSessions: 300, novelSessions: 3, snowshoe: [{ ips: 10, level: 'medium' }] }).lines;
  const novel = novelSessionLines({ count: 5, sensor: 'hp-page', startIso: '2025-12-09T03:00:00Z' }).lines;
  const one = JSON.parse(w2.find((l) => l.includes('cowrie.command.input'))!) as { session: string };
  const twins = ['t1', 't2', 't3'].flatMap((t) => w2.filter((l) => l.includes(`"${one.session}"`)).map((l) => l.replaceAll(one.session, `${one.session}${t}`)));
  return [...w1, ...w2, ...novel, ...twins];
}

describe.each(testDialects())('longtail reads the store a page at a time (%s)', (dialect) => {
  let tdb: TestDatabase;
  let store: CowrieStore;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paged-load-'));
    writeFileSync(join(dir, 'cowrie.json'), lines().join('\n') + '\n');
    tdb = createTestDatabase(dialect);
    store = await tdb.open({ access: 'write' });
    await bulkLoad(store, [join(dir, 'cowrie.json')]);
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages of any size concatenate to exactly what loadSessions reads', async () => {
    const whole = await loadSessions(store, ALL);
    expect(whole.length).toBeGreaterThan(600);
    expect(whole.some((s) => s.sshKeys.length > 0) && whole.some((s) => s.downloads.length > 0)).toBe(true);
    for (const pageSize of [1, 7, 250, 100_000]) {
      const paged = [];
      let pages = 0;
      for await (const { sessions } of sessionPages(store, ALL, { pageSize })) {
        paged.push(...sessions);
        pages++;
      }
      expect(paged).toEqual(whole);
      expect(pages).toBe(Math.ceil(whole.length / pageSize));
    }
  });

  it('slim sessions and packed features give the same result as full records', async () => {
    const window = await loadSessions(store, WEEK2);
    const history = await loadSessions(store, { since: ALL.since, until: WEEK2.since });
    const data = await loadLongtailWindow(store, WEEK2, { cache: false, pageSize: 50 });
    expect(data.sessions.map((s) => s.session)).toEqual(window.map((s) => s.session));
    expect(Array.from(data.features.data)).toEqual(window.flatMap(extractFeatures));
    expect({ extracted: data.extracted, reused: data.reused }).toEqual({ extracted: window.length, reused: 0 });
    const slimHistory = await loadLongtailHistory(store, { since: ALL.since, until: WEEK2.since }, { pageSize: 64 });
    const backend = createJsBackend();
    const full = await detectLongtail({ window, history, backend });
    const slim = await detectLongtail({ window: data.sessions, history: slimHistory, features: data.features, featureCounts: data, backend });
    expect(full.anomalousSessions.length).toBeGreaterThan(0);
    expect(full.rareCommands.length + full.novelSequences.length).toBeGreaterThan(0);
    expect({ ...slim, seconds: 0 }).toEqual({ ...full, seconds: 0 });
  });

  it('fills the feature cache page by page and reuses it on the next run', async () => {
    const first = await loadLongtailWindow(store, WEEK2, { pageSize: 40 });
    const again = await loadLongtailWindow(store, WEEK2, { pageSize: 40 });
    expect(first.extracted).toBe(first.sessions.length);
    expect(again).toMatchObject({ extracted: 0, reused: first.sessions.length });
    expect(again.features.data).toEqual(first.features.data);
  });
});

describe('compact longtail data', () => {
  it('LongtailSlimmer shares repeated strings, pairs and commands, and keeps their values', () => {
    const rec = (session: string, password: string | null) => ({
      sensor: `hp-${'1'}`, session, srcIp: '203.0.113.9', firstTs: '2025-12-01T00:00:00.000000Z', lastTs: null, durationMs: null, protocol: 'ssh', dstPort: 22,
      clientVersion: 'SSH-2.0-Go', hassh: 'h', loginAttempts: 1, loginSuccess: 0, commandCount: 1, downloadCount: 0, uploadCount: 0, tcpipCount: 0,
      sshKeyCount: 0, riskScore: 0, eventCount: 3, updatedAt: 'u',
      credentials: [{ username: 'root', password, success: false }], commands: [{ input: 'uname -a', normalized: 'uname -a', ts: null }], downloads: [], sshKeys: [],
    });
    const slim = new LongtailSlimmer();
    const [a, b, c] = [slim.of(rec('a', '1')), slim.of(rec('b', '1')), slim.of(rec('c', null))];
    expect(a.credentials[0]).toBe(b.credentials[0]);
    expect(a.commands[0]).toBe(b.commands[0]);
    expect(c.credentials[0]).toEqual({ username: 'root', password: null });
    expect(c.credentials[0]).not.toBe(a.credentials[0]);
    expect(slim.of({ ...rec('d', ''), credentials: [{ username: 'root', password: '', success: true }] }).credentials[0]).toEqual({ username: 'root', password: '' });
    expect(slim.of({ ...rec('e', 'x'), commands: [] }).commands).toBe(slim.of({ ...rec('f', 'x'), credentials: [], commands: [] }).credentials);
  });

  it('FeatureRowsBuilder grows past its capacity and pads short vectors', () => {
    const b = new FeatureRowsBuilder(3, 1);
    for (let i = 0; i < 5; i++) b.push(i === 4 ? [9] : [i, i + 1, i + 2]);
    const rows = b.build();
    expect(rows.rows).toBe(5);
    expect(Array.from(rows.data)).toEqual([0, 1, 2, 1, 2, 3, 2, 3, 4, 3, 4, 5, 9, 0, 0]);
    expect(packFeatures([[1, 2, 3]], 3).data).toEqual(new Float64Array([1, 2, 3]));
  });

  it('kDistanceScores merges rows on the same grid point and keeps values far off the grid apart', async () => {
    // Rows 0–2 differ by less than half a grid step: one point. Rows 3 and 4 are beyond the short keys' range.
    const data = new Float32Array([0, 0, 0.01, -0.01, 0.02, 0.02, 5000, 1, 5000, 2, 1, 1]);
    const scores = await kDistanceScores(createJsBackend(), { data, rows: 6, cols: 2 }, 1, 100);
    expect(Array.from(scores.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(scores[3]).toBeCloseTo(1, 5);
    expect(scores[4]).toBeCloseTo(1, 5);
    expect(scores[5]).toBeCloseTo(Math.SQRT2, 5);
  });
});
