import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoad, type CowrieStore } from '@cowrieprocessor/core';
import { createTestDatabase, testDialects, type TestDatabase } from './support/dialects.js';
import { loadSessions } from '../../src/data/load-sessions.js';
import { resolveWindow } from '../../src/data/resolve-window.js';
import { detectSnowshoe } from '../../src/snowshoe/detect-snowshoe.js';
import { predecessorWindowScore } from '../../src/snowshoe/predecessor-window-score.js';
import { detectBotnets } from '../../src/botnet/detect-botnets.js';
import type { SessionRecord } from '../../src/data/session-record.js';

const SAMPLE = fileURLToPath(new URL('../../../../examples/sample/cowrie.json', import.meta.url));
const TRUTH = JSON.parse(readFileSync(fileURLToPath(new URL('../../../../examples/sample/ground-truth.json', import.meta.url)), 'utf8'));

/** The planted snowshoe campaign (40 IPs) and botnet (8 IPs) of the sample log, on both dialects. */
describe.each(testDialects())('campaign detectors on the sample log (%s)', (dialect) => {
  let tdb: TestDatabase;
  let store: CowrieStore;
  let sessions: SessionRecord[];

  beforeAll(async () => {
    tdb = createTestDatabase(dialect);
    store = await tdb.open();
    await bulkLoad(store, [SAMPLE]);
    const steps: string[] = [];
    sessions = await loadSessions(store, await resolveWindow(store), { onProgress: (p) => steps.push(p.step) });
    expect(steps).toContain('commands');
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  it('loads every session of the default window with its child rows', () => {
    expect(sessions.length).toBe(782);
    const bot = sessions.find((s) => s.session === '0943111fde97')!;
    expect(bot.credentials.some((c) => c.success && c.password === 'Gr33nfield!9')).toBe(true);
    expect(bot.commands[0]!.input).toBe('uname -a');
    expect(bot.sshKeys).toEqual(['SHA256:hOcayuopTjzwGPthEFgE0XqzefGtnQ3vvxHTFT9bjUY']);
    expect(bot.downloads.some((d) => d.url === 'http://dl.botfarm.example/bins.sh')).toBe(true);
  });

  it('finds the 40-IP snowshoe campaign exactly, with its dictionary as evidence', () => {
    const { campaigns } = detectSnowshoe(sessions);
    const truth = new Set<string>(TRUTH.snowshoeCampaign.memberIps);
    expect(truth.size).toBe(40);
    const top = campaigns[0]!;
    const got = new Set(top.ips.map((i) => i.ip));
    const hit = [...got].filter((ip) => truth.has(ip)).length;
    expect(hit / truth.size).toBeGreaterThanOrEqual(0.9);
    expect(hit / got.size).toBeGreaterThanOrEqual(0.9);
    expect(top.evidence.clientVersion).toBe('SSH-2.0-libssh2_1.10.0');
    expect(JSON.stringify(top.evidence.credentialDictionary)).toContain('Harbor#2025');
  });

  it('finds the 8-IP botnet with its SSH key, script and credential', () => {
    const { clusters } = detectBotnets(sessions);
    const truth = new Set<string>(TRUTH.botnet.memberIps);
    const best = clusters.find((c) => c.ips.some((i) => truth.has(i.ip)))!;
    expect(best.ips.map((i) => i.ip).sort()).toEqual([...truth].sort());
    const ev = best.evidence as { sharedKinds: string[] };
    expect(ev.sharedKinds).toEqual(expect.arrayContaining(['sshKey', 'script', 'credential']));
  });

  it('computes the predecessor window score as one verdict for the window', () => {
    const p = predecessorWindowScore(sessions);
    expect(p.uniqueIps).toBeGreaterThan(10);
    expect(p.score).toBeGreaterThan(0);
    expect(p.score).toBeLessThanOrEqual(1);
  });
});
