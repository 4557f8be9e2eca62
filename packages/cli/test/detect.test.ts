import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DbPool, requirePostgres, testDialects, type CliTestDb, type Dialect } from './support/dialects.js';
import { REPO_ROOT, makeTempDir, parseJsonObject, removeTempDir, runCli, show } from './support/run-cli.js';

const SAMPLE = join(REPO_ROOT, 'examples/sample/cowrie.json');
const TRUTH = JSON.parse(readFileSync(join(REPO_ROOT, 'examples/sample/ground-truth.json'), 'utf8')) as {
  snowshoeCampaign: { memberIps: string[] }; botnet: { memberIps: string[] };
};

/** `cowrie detect snowshoe|botnet` on the sample log (planted 40-IP campaign, 8-IP botnet), on each dialect. */
describe.each(testDialects())('cowrie detect on %s', (dialect: Dialect) => {
  let dir: string;
  const pool = new DbPool(dialect, () => dir);
  let db: CliTestDb;
  let unreachable: Error | undefined;
  const run = (...args: string[]) => runCli([...args, '--db', db.target], { cwd: dir });

  beforeAll(async () => {
    dir = await makeTempDir();
    if (dialect === 'postgres') unreachable = await requirePostgres().then(() => undefined, (e: Error) => e);
    if (unreachable) return;
    db = pool.create('detect');
    const load = await run('load', 'bulk', SAMPLE, '--json');
    expect(load.code, show(load)).toBe(0);
  });
  beforeEach(() => {
    if (unreachable) throw unreachable;
  });
  afterAll(async () => {
    try {
      if (!unreachable) await pool.dropAll();
    } finally {
      await removeTempDir(dir);
    }
  });

  it('detect snowshoe --json names the planted campaign first, with its evidence (exit 0)', async () => {
    const r = await run('detect', 'snowshoe', '--json');
    expect(r.code, show(r)).toBe(0);
    const j = parseJsonObject(r) as { campaigns: Array<{ id: string; ips: string[]; sessions: number; score: number; firstSeen: string; lastSeen: string; evidence: Record<string, unknown> }>; seconds: number };
    expect(typeof j.seconds).toBe('number');
    const top = j.campaigns[0]!;
    expect(new Set(top.ips)).toEqual(new Set(TRUTH.snowshoeCampaign.memberIps));
    expect(top.sessions).toBe(79);
    expect(top.evidence.clientVersion).toBe('SSH-2.0-libssh2_1.10.0');
    expect(top.evidence.hassh).toBe('1df281da760a0c16d115179a9ea5957c');
    const scores = j.campaigns.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('detect botnet --json finds the 8-IP botnet (exit 0)', async () => {
    const r = await run('detect', 'botnet', '--json');
    expect(r.code, show(r)).toBe(0);
    const j = parseJsonObject(r) as { clusters: Array<{ id: string; ips: string[]; score: number; evidence: { sharedKinds: string[] } }>; seconds: number };
    const bot = j.clusters.find((c) => c.ips.includes(TRUTH.botnet.memberIps[0]!))!;
    expect(new Set(bot.ips)).toEqual(new Set(TRUTH.botnet.memberIps));
    expect(bot.evidence.sharedKinds).toContain('sshKey');
  });

  it('--store keeps the same finding ids across re-runs', async () => {
    const a = parseJsonObject(await run('detect', 'snowshoe', '--json', '--store')) as { campaigns: Array<{ id: string }>; runId: string };
    const b = parseJsonObject(await run('detect', 'snowshoe', '--json', '--store')) as { campaigns: Array<{ id: string }>; runId: string };
    expect(b.campaigns.map((c) => c.id)).toEqual(a.campaigns.map((c) => c.id));
    expect(b.runId).not.toBe(a.runId);
  });

  it('exits 1 when nothing is found and 2 on a bad window', async () => {
    const none = await run('detect', 'botnet', '--since', '2020-01-01', '--until', '2020-01-02', '--json');
    expect(none.code, show(none)).toBe(1);
    expect((parseJsonObject(none) as { clusters: unknown[] }).clusters).toEqual([]);
    const bad = await run('detect', 'snowshoe', '--since', 'yesterday');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/since/);
  });

  it('a forced unknown backend is a usage error (exit 2)', async () => {
    const r = await run('detect', 'snowshoe', '--backend', 'gpu');
    expect(r.code).toBe(2);
  });
});
