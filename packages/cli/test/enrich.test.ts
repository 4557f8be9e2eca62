import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DbPool, requirePostgres, testDialects, type CliTestDb, type Dialect } from './support/dialects.js';
import { startCliEnrichFakes, type CliEnrichFakes } from './support/enrich-fakes.js';
import { makeTempDir, parseJsonObject, removeTempDir, runCli, show } from './support/run-cli.js';

const IPS = ['198.51.100.10', '198.51.100.11', '203.0.113.12'];
const SHA = 'ab'.repeat(32);
const REFRESH_KEYS = ['ips', 'files', 'passwords', 'apiCalls', 'cacheHits', 'failures', 'seconds', 'services'];

function captureLog(): string {
  return IPS.flatMap((ip, i) => {
    const base = { session: `e${String(i).padStart(11, '0')}`, src_ip: ip, sensor: 'honey-1' };
    return [
      { ...base, eventid: 'cowrie.session.connect', src_port: 40000 + i, dst_ip: '10.0.0.1', dst_port: 22, protocol: 'ssh', timestamp: `2024-03-01T00:0${i}:00.000000Z` },
      { ...base, eventid: 'cowrie.login.failed', username: 'root', password: 'hunter2', timestamp: `2024-03-01T00:0${i}:01.000000Z` },
      ...(i === 0 ? [{ ...base, eventid: 'cowrie.session.file_download', url: 'http://203.0.113.9/x', shasum: SHA, outfile: 'dl/x', timestamp: '2024-03-01T00:00:02.000000Z' }] : []),
    ];
  }).map((e) => JSON.stringify(e)).join('\n') + '\n';
}

/** A predecessor cache directory: DShield `a/b/c/d.json`, a flat `vt_<hash>.json`, one expired file. */
function writePredecessorCache(dir: string): void {
  const put = (rel: string, v: unknown) => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), JSON.stringify(v));
  };
  put('dshield/198/51/100/10.json', { ip: { number: '198.51.100.10', count: 9, ascountry: 'DE', as: 3320, asname: 'DTAG' } });
  put('dshield/198/51/100/11.json', { ip: { number: '198.51.100.11', count: 1, ascountry: 'FR' } });
  put('hibp/F3/BB/B/F3BBB.json', { D66A63D4BF1747940578EC3D0103530E21D: 17 });
  put(`vt_${SHA}.json`, { data: { id: SHA, type: 'file', attributes: { last_analysis_stats: { _on_change_callback: {}, data: { malicious: 5, undetected: 60 } }, names: ['x'] } } });
}

describe.each(testDialects())('cowrie enrich on %s', (dialect: Dialect) => {
  let dir: string;
  let fakes: CliEnrichFakes;
  const pool = new DbPool(dialect, () => dir);
  let unreachable: Error | undefined;
  const run = (db: CliTestDb, ...args: string[]) => runCli([...args, '--db', db.target], { cwd: dir, env: fakes.env });
  const loaded = async () => {
    const db = pool.create('enrich');
    const r = await run(db, 'load', 'bulk', 'capture.json', '--json');
    expect(r.code, show(r)).toBe(0);
    return db;
  };

  beforeAll(async () => {
    dir = await makeTempDir();
    writeFileSync(join(dir, 'capture.json'), captureLog());
    writePredecessorCache(join(dir, 'pred-cache'));
    fakes = await startCliEnrichFakes();
    if (dialect === 'postgres') unreachable = await requirePostgres().then(() => undefined, (e: Error) => e);
  });
  beforeEach(() => {
    if (unreachable) throw unreachable;
    fakes.requests.length = 0;
  });
  afterAll(async () => {
    try {
      await fakes.close();
      if (!unreachable) await pool.dropAll();
    } finally {
      await removeTempDir(dir);
    }
  });

  it('refresh --json enriches, prints the counts, and a second refresh makes zero API calls', async () => {
    const db = await loaded();
    const r = await run(db, 'enrich', 'refresh', '--services', 'dshield,virustotal', '--json');
    expect(r.code, show(r)).toBe(0);
    const j = parseJsonObject(r);
    for (const k of REFRESH_KEYS) expect(j, k).toHaveProperty(k);
    expect(j).toMatchObject({ ips: 3, files: 1, passwords: 0, apiCalls: 4, cacheHits: 0, failures: 0 });
    expect(fakes.requests.length).toBe(4);
    fakes.requests.length = 0;
    const again = parseJsonObject(await run(db, 'enrich', 'refresh', '--services', 'dshield,virustotal', '--json'));
    expect(again).toMatchObject({ ips: 0, files: 0, apiCalls: 0 });
    expect(fakes.requests.length).toBe(0);
  });

  it('status --json: per service, fresh share of the window, expired entries and hit rates', async () => {
    const db = await loaded();
    await run(db, 'enrich', 'refresh', '--services', 'dshield', '--limit', '2', '--json');
    const r = await run(db, 'enrich', 'status', '--since', '2024-03-01', '--until', '2024-03-02', '--json');
    expect(r.code, show(r)).toBe(0);
    const s = parseJsonObject(r) as { services: Record<string, Record<string, unknown>> };
    expect(s.services.dshield).toMatchObject({ seen: 3, fresh: 2, missing: 1, freshShare: 0.6667 });
    expect(s.services.dshield!.stats).toMatchObject({ apiCalls: 2, hitRate: 0 });
    expect(s.services.virustotal).toMatchObject({ seen: 1, fresh: 0 });
    const human = await run(db, 'enrich', 'status');
    expect(human.stdout).toMatch(/dshield\s+ip\s+3 seen, 2 fresh/);
  });

  it('cache migrate: counts, is idempotent, --verify compares every entry; refresh then reads it with zero API calls', async () => {
    const db = await loaded();
    const dry = parseJsonObject(await run(db, 'enrich', 'cache', 'migrate', '--from', 'pred-cache', '--dry-run', '--json'));
    expect(dry).toMatchObject({ dryRun: true, migrated: 4, unresolved: 0 });
    const first = await runCli(['enrich', 'cache', 'migrate', '--from', 'pred-cache', '--to', db.target, '--verify', '--json'], { cwd: dir });
    expect(first.code, show(first)).toBe(0);
    expect(parseJsonObject(first)).toMatchObject({ files: 4, entries: 4, migrated: 4, unchanged: 0, verified: 4, mismatches: [] });
    const second = parseJsonObject(await run(db, 'enrich', 'cache', 'migrate', '--from', 'pred-cache', '--json'));
    expect(second).toMatchObject({ migrated: 0, unchanged: 4 });
    const r = parseJsonObject(await run(db, 'enrich', 'refresh', '--services', 'dshield,virustotal', '--offline', '--json'));
    expect(r).toMatchObject({ ips: 2, files: 1, apiCalls: 0, cacheHits: 3 });
    expect(fakes.requests.length).toBe(0);
  });

  it('refresh --cache disk:<dir> reads the predecessor directory as it is', async () => {
    const db = await loaded();
    const r = await run(db, 'enrich', 'refresh', '--cache', 'disk:pred-cache', '--services', 'dshield', '--json');
    expect(r.code, show(r)).toBe(0);
    expect(parseJsonObject(r)).toMatchObject({ ips: 3, apiCalls: 1, cacheHits: 2 });
    expect(fakes.requests).toEqual(['/dshield/api/ip/203.0.113.12?email=ops%40example.org&json']);
  });

  it('refuses an unknown service or cache with exit 2 and one line', async () => {
    const db = await loaded();
    const bad = await run(db, 'enrich', 'refresh', '--services', 'dshield,shodan', '--json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^cowrie: --services: unknown service "shodan"/);
    expect(bad.stdout).toBe('');
    const badCache = await run(db, 'enrich', 'refresh', '--cache', 'ftp:x', '--json');
    expect(badCache.code).toBe(2);
    expect(badCache.stderr).toMatch(/--cache/);
  });
});
