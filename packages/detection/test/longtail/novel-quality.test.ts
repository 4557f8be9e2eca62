import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoad, openStore, type CowrieStore } from '@cowrieprocessor/core';
import { createJsBackend } from '../../src/compute/js/js-backend.js';
import { runLongtail, type LongtailRun } from '../../src/longtail/run-longtail.js';
import { novelSessionLines, type InjectedSession } from './support/novel-sessions.js';
import { BACKGROUND_5K, realdataDirs } from './support/realdata.js';

/**
 * The quality target: up to 5 injected novel sessions among ≥ 5,000 real ones must all
 * be in the top 20 anomalous sessions. Background: real captures (read in place); the novel
 * sessions reuse the background's most common client version, HASSH and a common credential.
 */
describe('longtail on real background with injected novel sessions', () => {
  let dir: string;
  let store: CowrieStore;
  let injected: InjectedSession[];
  let run: LongtailRun;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'longtail-quality-'));
    const novel = novelSessionLines({ count: 5, sensor: 'ip-172-31-17-139', startIso: '2022-07-18T03:00:00Z', credential: ['admin', 'admin'] });
    injected = novel.injected;
    writeFileSync(join(dir, 'novel.json'), novel.lines.join('\n') + '\n');
    store = await openStore(join(dir, 'cowrie.sqlite'), { access: 'write' });
    await bulkLoad(store, [...realdataDirs(BACKGROUND_5K), join(dir, 'novel.json')]);
    run = await runLongtail(store, { since: '2021-01-01T00:00:00.000000Z', until: '2026-01-01T00:00:00.000000Z' }, { backend: await createJsBackend(), baselineDays: 0 });
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs over at least 5,000 real sessions plus the injected ones', () => {
    expect(run.stats.sessions).toBeGreaterThanOrEqual(5005);
  });

  it('ranks every injected novel session in the top 20 anomalous sessions', () => {
    const top = run.anomalousSessions.slice(0, 20).map((a) => `${a.sensor}/${a.session}`);
    const ranks = injected.map((s) => ({ theme: s.theme, rank: top.indexOf(`${s.sensor}/${s.session}`) + 1 }));
    expect(ranks.filter((r) => r.rank === 0), JSON.stringify({ ranks, top: run.anomalousSessions.slice(0, 20) }, null, 1)).toEqual([]);
  });

  it('gives each anomalous session reasons and sorts by score, highest first', () => {
    const scores = run.anomalousSessions.map((a) => a.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const a of run.anomalousSessions.slice(0, 20)) expect(a.reasons.length).toBeGreaterThan(0);
  });

  it('reports the encoded stager as a high-entropy payload and its commands as rare', () => {
    const stager = injected.find((s) => s.theme === 'encoded stager')!;
    const he = run.highEntropy.find((h) => h.sessionRefs.some((r) => r.session === stager.session));
    expect(he?.encoding).toBe('base64');
    const rareSessions = new Set(run.rareCommands.flatMap((c) => c.sessionRefs.map((r) => r.session)));
    for (const s of injected) expect(rareSessions.has(s.session)).toBe(true);
  });
});
