/**
 * Every read endpoint on SQLite and PostgreSQL, over the sample log loaded by core's bulk
 * loader, checked against direct SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDialects } from './support/dialects.js';
import { READ_ROUTES, toOpenApiPath } from '../src/api/index.js';
import { apiFixture, busiestIp, type ApiFixture } from './support/api-fixture.js';

const json = async (r: Response) => ({ status: r.status, body: (await r.json()) as any });

describe.each(testDialects())('statistics API on %s', (dialect) => {
  let f: ApiFixture;
  let ip: string;
  beforeAll(async () => {
    f = await apiFixture(dialect);
    ip = await busiestIp(f.store);
  });
  afterAll(async () => f?.close());

  it('summary matches direct counts', async () => {
    const { status, body } = await json(await f.get('/api/v1/summary?limit=5'));
    expect(status).toBe(200);
    const sessions = await f.store.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const events = await f.store.db.selectFrom('raw_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(body.data.sessions).toBe(Number(sessions.n));
    expect(body.data.events).toBe(Number(events.n));
    expect(body.data.sessions).toBe(782);
    expect(body.data.topIps).toHaveLength(5);
    expect(body.meta.query).toEqual({ limit: 5 });
  });

  it('attackers rank IPs by sessions, with sensors, credentials and enrichment', async () => {
    const { body } = await json(await f.get('/api/v1/attackers?limit=3'));
    const want = await f.store.db.selectFrom('sessions').select(['src_ip', (eb) => eb.fn.countAll<number>().as('n')]).where('src_ip', 'is not', null)
      .groupBy('src_ip').orderBy('n', 'desc').limit(3).execute();
    expect(body.data.map((a: any) => a.count)).toEqual(want.map((w) => Number(w.n)));
    const top = body.data[0];
    expect(top.value).toBe(ip);
    expect(top.country).toBe('NL');
    expect(top.asn).toBe(64500);
    expect(top.reputation.threatFeeds).toEqual(['blocklistde22']);
    const creds = await f.store.db.selectFrom('auth_attempts as a').innerJoin('sessions as s', (j) => j.onRef('s.sensor', '=', 'a.sensor').onRef('s.session', '=', 'a.session'))
      .select(sql<number>`count(distinct coalesce(a.username, '') || ':' || coalesce(a.password, ''))`.as('n')).where('s.src_ip', '=', ip).executeTakeFirstOrThrow();
    expect(top.credentialsTried).toBe(Number(creds.n));
    expect(top.sensors.length).toBeGreaterThan(0);
  });

  it('walks every session exactly once through cursors', async () => {
    const seen = new Set<string>();
    let next: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await json(await f.get(`/api/v1/sessions?limit=100${next ? `&cursor=${encodeURIComponent(next)}` : ''}`));
      expect(status).toBe(200);
      for (const s of body.data) seen.add(s.ref);
      next = body.meta.next;
      pages += 1;
    } while (next && pages < 50);
    expect(seen.size).toBe(782);
    expect(pages).toBe(8);
  });

  it('filters sessions by username, command, download and source IP', async () => {
    const byUser = await json(await f.get('/api/v1/sessions?username=root&limit=1000'));
    const wantUser = await f.store.db.selectFrom('auth_attempts').select(sql<number>`count(distinct sensor || '/' || session)`.as('n')).where('username', '=', 'root').executeTakeFirstOrThrow();
    expect(byUser.body.data.length).toBe(Number(wantUser.n));
    const dl = await json(await f.get('/api/v1/sessions?hasDownload=true&limit=1000'));
    const wantDl = await f.store.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('download_count', '>', 0).executeTakeFirstOrThrow();
    expect(dl.body.data.length).toBe(Number(wantDl.n));
    const cmd = await json(await f.get('/api/v1/sessions?command=uname&limit=1000'));
    for (const s of cmd.body.data.slice(0, 3)) {
      const d = await json(await f.get(`/api/v1/sessions/${encodeURIComponent(s.ref)}`));
      expect(d.body.data.commands.some((c: any) => c.input.includes('uname'))).toBe(true);
    }
    const mine = await json(await f.get(`/api/v1/sessions?srcIp=${ip}&limit=1000`));
    expect(mine.body.data.every((s: any) => s.srcIp === ip)).toBe(true);
  });

  it('serves a session with its events, and 404 for an unknown one', async () => {
    const first = await json(await f.get('/api/v1/sessions?limit=1'));
    const ref = first.body.data[0].ref;
    const d = await json(await f.get(`/api/v1/sessions/${encodeURIComponent(ref)}`));
    expect(d.status).toBe(200);
    expect(d.body.data.events.length).toBe(d.body.data.eventCount);
    expect((await f.get('/api/v1/sessions/nope%2Fnothing')).status).toBe(404);
  });

  it('top lists follow the conventions and page without overlap', async () => {
    const p1 = await json(await f.get('/api/v1/credentials?by=username&limit=5'));
    const p2 = await json(await f.get(`/api/v1/credentials?by=username&limit=5&cursor=${encodeURIComponent(p1.body.meta.next)}`));
    const all = await json(await f.get('/api/v1/credentials?by=username&limit=10'));
    expect([...p1.body.data, ...p2.body.data]).toEqual(all.body.data);
    const root = await f.store.db.selectFrom('auth_attempts').select((eb) => eb.fn.countAll<number>().as('n')).where('username', '=', all.body.data[0].value).executeTakeFirstOrThrow();
    expect(all.body.data[0].count).toBe(Number(root.n));
    for (const p of ['/api/v1/commands', '/api/v1/downloads', '/api/v1/downloads?by=hash', '/api/v1/fingerprints', '/api/v1/fingerprints?by=clientVersion']) {
      const r = await json(await f.get(p));
      expect(r.status, p).toBe(200);
      expect(r.body.data.length, p).toBeGreaterThan(0);
      expect(r.body.data[0]).toHaveProperty('value');
      expect(r.body.data[0]).toHaveProperty('count');
    }
  });

  it('sensors and time series add up to the stored events', async () => {
    const s = await json(await f.get('/api/v1/sensors'));
    expect(s.body.data.map((x: any) => x.sensor)).toEqual(['hp-fra-01', 'hp-nyc-02', 'hp-sin-03']);
    for (const x of s.body.data) expect(x.eventsPerDay.reduce((a: number, d: any) => a + d.events, 0)).toBe(x.events);
    const t = await json(await f.get('/api/v1/timeseries?interval=hour&limit=10000'));
    expect(t.body.data.reduce((a: number, b: any) => a + b.events, 0)).toBe(5521);
    expect(t.body.data.reduce((a: number, b: any) => a + b.sessions, 0)).toBe(782);
    const w = await json(await f.get('/api/v1/timeseries?interval=day&since=2025-12-02&until=2025-12-03'));
    expect(w.body.data.map((b: any) => b.bucket)).toEqual(['2025-12-02T00:00:00Z']);
  });

  it('detections, the IP profile and the dshield-mcp shapes', async () => {
    const d = await json(await f.get('/api/v1/detections?detector=botnet'));
    expect(d.body.data.map((x: any) => x.id)).toEqual(['f-botnet-1']);
    expect(d.body.data[0].evidence).toEqual({ credentialHash: 'abc', ips: 1 });
    expect(d.body.data[0].ips[0].ip).toBe(ip);
    expect((await json(await f.get('/api/v1/detections?since=2025-12-03'))).body.data.map((x: any) => x.id)).toEqual(['f-longtail-1']);
    const p = await json(await f.get(`/api/v1/ip/${ip}`));
    expect(p.body.data.sessions).toBeGreaterThan(0);
    expect(p.body.data.enrichment.country).toBe('NL');
    expect(p.body.data.detections.map((x: any) => x.id)).toEqual(['f-botnet-1']);
    expect((await f.get('/api/v1/ip/192.0.2.254')).status).toBe(404);
    const c = await json(await f.get('/api/v1/compat/dshield/top-attackers?limit=2'));
    expect(Object.keys(c.body.data[0]).sort()).toEqual(['asn', 'attack_count', 'attack_types', 'country', 'first_seen', 'ip_address', 'last_seen', 'organization', 'raw_data', 'reputation_score', 'tags', 'target_ports', 'target_services']);
    expect(c.body.data[0]).toMatchObject({ ip_address: ip, country: 'NL', asn: 'AS64500' });
    const s = await json(await f.get('/api/v1/compat/dshield/security-summary'));
    expect(s.body.data.total_events).toBe(5521);
    expect(s.body.data.threat_intelligence_hits).toBe(1);
  });

  it('documents every route in /openapi.json from the validating schemas', async () => {
    const doc = await json(await f.get('/openapi.json', null));
    for (const r of READ_ROUTES) expect(doc.body.paths, r.path).toHaveProperty([toOpenApiPath(r.path)]);
    const params = doc.body.paths['/api/v1/sessions'].get.parameters.map((p: any) => p.name);
    expect(params).toEqual(['since', 'until', 'sensor', 'srcIp', 'username', 'command', 'hasDownload', 'limit', 'cursor']);
  });
});
