import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CowrieStore } from '@cowrieprocessor/core';
import { createTestDatabase, testDialects, type TestDatabase } from './support/dialects.js';
import { saveDetectionRun } from '../../src/store/save-findings.js';
import type { Finding } from '../../src/types.js';

const finding = (id: string, ips: string[], score: number): Finding => ({
  id, detector: 'snowshoe', kind: 'campaign', score, firstSeen: '2025-12-01T00:00:00.000000Z', lastSeen: '2025-12-02T00:00:00.000000Z',
  summary: `campaign of ${ips.length}`, evidence: { reasons: ['shared dictionary'], sharedPairs: 3 },
  ips: ips.map((ip) => ({ ip, sessions: 2 })),
  sessions: ips.flatMap((ip, i) => [{ sensor: 'hp-1', session: `s${i}a` }, { sensor: 'hp-1', session: `s${i}b` }]),
});
const window = { since: '2025-12-01T00:00:00.000000Z', until: '2025-12-08T00:00:00.000000Z' };

describe.each(testDialects())('saveDetectionRun on %s', (dialect) => {
  let tdb: TestDatabase;
  let store: CowrieStore;
  beforeAll(async () => {
    tdb = createTestDatabase(dialect);
    store = await tdb.open();
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  it('stores a run, its findings and their IP and session links', async () => {
    const { runId } = await saveDetectionRun(store, { detector: 'snowshoe', window, backend: 'js', params: { minIps: 8 }, stats: { sessions: 10 } },
      [finding('snowshoe-campaign-a', ['1.2.3.4', '5.6.7.8'], 0.9), finding('snowshoe-campaign-b', ['9.9.9.9'], 0.5)]);
    const run = await store.db.selectFrom('detection_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ detector: 'snowshoe', status: 'completed', window_since: window.since, window_until: window.until, backend: 'js' });
    const params = typeof run.params === 'string' ? JSON.parse(run.params) : run.params;
    expect(params).toEqual({ minIps: 8 });
    const links = await store.db.selectFrom('detection_run_findings').selectAll().where('run_id', '=', runId).orderBy('rank').execute();
    expect(links.map((l) => [l.finding_id, Number(l.rank)])).toEqual([['snowshoe-campaign-a', 1], ['snowshoe-campaign-b', 2]]);
    const ips = await store.db.selectFrom('detection_finding_ips').selectAll().where('finding_id', '=', 'snowshoe-campaign-a').orderBy('src_ip').execute();
    expect(ips.map((r) => [r.src_ip, Number(r.sessions)])).toEqual([['1.2.3.4', 2], ['5.6.7.8', 2]]);
    const sessions = await store.db.selectFrom('detection_finding_sessions').select((eb) => eb.fn.countAll().as('n')).where('finding_id', '=', 'snowshoe-campaign-a').executeTakeFirstOrThrow();
    expect(Number(sessions.n)).toBe(4);
  });

  it('updates the same finding on a re-run instead of duplicating it', async () => {
    const first = await store.db.selectFrom('detection_findings').selectAll().where('id', '=', 'snowshoe-campaign-a').executeTakeFirstOrThrow();
    const { runId } = await saveDetectionRun(store, { detector: 'snowshoe', window, backend: 'onnx-node', params: {}, stats: {} },
      [finding('snowshoe-campaign-a', ['1.2.3.4', '5.6.7.8', '7.7.7.7'], 0.95)]);
    const rows = await store.db.selectFrom('detection_findings').selectAll().where('id', '=', 'snowshoe-campaign-a').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ first_run_id: first.first_run_id, last_run_id: runId, created_at: first.created_at, score: 0.95 });
    expect(rows[0]!.updated_at >= first.updated_at).toBe(true);
    const evidence = typeof rows[0]!.evidence === 'string' ? JSON.parse(rows[0]!.evidence) : rows[0]!.evidence;
    expect(evidence).toEqual({ reasons: ['shared dictionary'], sharedPairs: 3 });
    const ips = await store.db.selectFrom('detection_finding_ips').select('src_ip').where('finding_id', '=', 'snowshoe-campaign-a').execute();
    expect(ips).toHaveLength(3);
    const total = await store.db.selectFrom('detection_findings').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(2);
    const runs = await store.db.selectFrom('detection_runs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(runs.n)).toBe(2);
  });
});
