import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoad, type CowrieStore } from '@cowrieprocessor/core';
import { createTestDatabase, testDialects, type TestDatabase } from './support/dialects.js';
import { loadSessions } from '../../src/data/load-sessions.js';
import { loadIpProfiles } from '../../src/data/load-ip-profiles.js';
import { loadFindingSessions } from '../../src/data/load-finding-sessions.js';
import { buildIpProfiles, type IpProfile } from '../../src/data/ip-profiles.js';
import { resolveWindow } from '../../src/data/resolve-window.js';
import type { DetectionWindow } from '../../src/data/session-record.js';
import { detectSnowshoe, detectSnowshoeInProfiles } from '../../src/snowshoe/detect-snowshoe.js';
import { predecessorWindowScore, predecessorWindowScoreOfProfiles } from '../../src/snowshoe/predecessor-window-score.js';
import { detectBotnets, detectBotnetsInProfiles } from '../../src/botnet/detect-botnets.js';
import type { Finding } from '../../src/types.js';

const SAMPLE = fileURLToPath(new URL('../../../../examples/sample/cowrie.json', import.meta.url));
const LINKS = { minScriptCommands: 3 };

/** A profile as comparable plain data (set order does not matter; loaded profiles count sessions, stubs come later). */
const plain = (p: IpProfile) => ({
  ip: p.ip, loginAttempts: p.loginAttempts, tooling: p.tooling, firstTs: p.firstTs, lastTs: p.lastTs, sessionCount: p.sessionCount,
  credentials: [...p.credentials].sort(), successes: [...p.successes].sort(), scripts: [...p.scripts].sort(),
  links: p.links ? [...p.links].sort() : undefined,
});
const byIp = (ps: IpProfile[]) => ps.map(plain).sort((a, b) => (a.ip < b.ip ? -1 : 1));
const findings = (fs: Finding[]) => fs.map((f) => ({ ...f, ips: [...f.ips].sort((a, b) => (a.ip < b.ip ? -1 : 1)), sessions: f.sessions.map((s) => `${s.sensor}/${s.session}`).sort() }));

/**
 * `loadIpProfiles` reads far less than `loadSessions` (a few columns, no record per child row),
 * so it must give exactly what `buildIpProfiles(await loadSessions(…))` gives, on both dialects,
 * for the whole log and for windows that cut through sessions (a session that started before
 * `since` keeps its later rows out; one that started before `until` keeps its later rows in).
 */
describe.each(testDialects())('loadIpProfiles equals buildIpProfiles(loadSessions) (%s)', (dialect) => {
  let tdb: TestDatabase;
  let store: CowrieStore;
  let full: DetectionWindow;
  let cut: DetectionWindow;

  beforeAll(async () => {
    tdb = createTestDatabase(dialect);
    store = await tdb.open();
    await bulkLoad(store, [SAMPLE]);
    full = await resolveWindow(store);
    // Cut both ends through sessions with several auth rows: since and until fall inside them.
    const long = await store.db.selectFrom('sessions').select(['sensor', 'first_ts', 'last_ts'])
      .where('login_attempts', '>=', 2).where((eb) => eb('last_ts', '>', eb.ref('first_ts'))).orderBy('first_ts').execute();
    const mid = (a: string, b: string) => new Date((Date.parse(a) + Date.parse(b)) / 2).toISOString().replace(/Z$/, '000Z');
    const a = long[Math.floor(long.length / 4)]!;
    const b = long[Math.floor((3 * long.length) / 4)]!;
    cut = { since: mid(a.first_ts!, a.last_ts!), until: mid(b.first_ts!, b.last_ts!) };
    expect(cut.since < cut.until).toBe(true);
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  it('gives the same profiles and the same snowshoe campaigns on the whole window', async () => {
    const sessions = await loadSessions(store, full);
    const steps: string[] = [];
    const starts: Array<string | null> = [];
    const profiles = await loadIpProfiles(store, full, { starts, onProgress: (p) => steps.push(p.step) });
    expect(steps).toEqual(expect.arrayContaining(['sessions', 'credentials', 'commands']));
    expect(byIp(profiles)).toEqual(byIp(buildIpProfiles(sessions)));
    expect(profiles.every((p) => p.sessions.length === 0)).toBe(true);
    const campaigns = detectSnowshoeInProfiles(profiles).campaigns;
    expect(campaigns.length).toBeGreaterThan(0);
    await loadFindingSessions(store, full, campaigns);
    expect(findings(campaigns)).toEqual(findings(detectSnowshoe(sessions).campaigns));
    expect(predecessorWindowScoreOfProfiles(profiles, { starts })).toEqual(predecessorWindowScore(sessions));
    expect(() => predecessorWindowScoreOfProfiles(profiles)).toThrow(/starts/);
  });

  it('gives the same profiles, links included, and the same botnet clusters', async () => {
    const sessions = await loadSessions(store, full);
    const profiles = await loadIpProfiles(store, full, { links: LINKS });
    expect(byIp(profiles)).toEqual(byIp(buildIpProfiles(sessions, { links: LINKS })));
    const clusters = detectBotnets(sessions).clusters;
    expect(clusters.length).toBeGreaterThan(0);
    expect(findings(await loadFindingSessions(store, full, detectBotnetsInProfiles(profiles).clusters))).toEqual(findings(clusters));
  });

  it('with credentials "succeeded" reads only successes and counts in SQL who tried them; the botnet clusters stay the same', async () => {
    const sessions = await loadSessions(store, full);
    const triedBy = new Map<string, number>();
    const lean = await loadIpProfiles(store, full, { links: LINKS, credentials: 'succeeded', triedBy });
    for (const p of lean) expect([...p.credentials].sort()).toEqual([...p.successes].sort());
    expect(lean.reduce((n, p) => n + p.credentials.size, 0)).toBeLessThan(buildIpProfiles(sessions).reduce((n, p) => n + p.credentials.size, 0));
    // triedBy: for each pair that logged in, the IPs that tried it, as counted from every pair.
    const all = buildIpProfiles(sessions);
    const succeeded = new Set(all.flatMap((p) => [...p.successes]));
    expect(succeeded.size).toBeGreaterThan(0);
    for (const c of succeeded) expect(triedBy.get(c)).toBe(all.filter((p) => p.credentials.has(c)).length);
    expect(findings(await loadFindingSessions(store, full, detectBotnetsInProfiles(lean, { triedBy }).clusters))).toEqual(findings(detectBotnets(sessions).clusters));
  });

  it('keeps a window cut through sessions exact, and a sensor filter too', async () => {
    const sessions = await loadSessions(store, cut);
    expect(sessions.length).toBeGreaterThan(10);
    const profiles = await loadIpProfiles(store, cut, { links: LINKS });
    expect(byIp(profiles)).toEqual(byIp(buildIpProfiles(sessions, { links: LINKS })));
    const clusters = detectBotnets(sessions).clusters;
    expect(findings(await loadFindingSessions(store, cut, detectBotnetsInProfiles(profiles).clusters))).toEqual(findings(clusters));
    const sensor = sessions[0]!.sensor;
    const one = { ...cut, sensor };
    expect(byIp(await loadIpProfiles(store, one))).toEqual(byIp(buildIpProfiles(await loadSessions(store, one))));
  });

  it('returns no profiles for an empty window', async () => {
    expect(await loadIpProfiles(store, { since: '1990-01-01T00:00:00.000000Z', until: '1990-01-02T00:00:00.000000Z' })).toEqual([]);
  });
});
