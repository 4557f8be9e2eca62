/**
 * One conformance suite over every way the MCP server runs: `cowrie mcp --db` spawned on stdio
 * (SQLite), the direct backend in-process on PostgreSQL, and `cowrie mcp --api` spawned against a
 * running statistics API. Every tool is called through the SDK's own client and its values are
 * checked against direct queries of the same database; invalid arguments are tool errors.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSessionDetail, listSessions, parseWindow, summarize, topN } from '@cowrieprocessor/core';
import { createDirectBackend, resolveApiConfig, startApiServer, type RunningApi } from '../src/index.js';
import { KEYS, READ_KEY } from './support/api-fixture.js';
import { testDialects } from './support/dialects.js';
import { CACHED_IP, connectInProcess, connectStdio, mcpDatabase, type McpConnection, type McpDatabase } from './support/mcp-fixture.js';

const TOOLS = ['query_sessions', 'top_attackers', 'lookup_ip', 'security_summary', 'detect_snowshoe', 'detect_botnet', 'detect_longtail', 'session_commands'];
const truth = JSON.parse(readFileSync(new URL('../../examples/sample/ground-truth.json', import.meta.url), 'utf8')) as {
  snowshoeCampaign: { memberIps: Array<string | { ip: string }> }; botnet: { memberIps: Array<string | { ip: string }> };
};
const ipsOf = (m: Array<string | { ip: string }>) => m.map((x) => (typeof x === 'string' ? x : x.ip));
const DAY = parseWindow('2025-12-02', '2025-12-03') as { since: string; until: string };
const BOTNET_SESSION = 'hp-nyc-02/ebb5278925e8';

type Mode = 'stdio-direct-sqlite' | 'inprocess-direct-postgres' | 'stdio-api-sqlite';
const modes: Mode[] = ['stdio-direct-sqlite', ...(testDialects().includes('postgres') ? ['inprocess-direct-postgres' as const] : []), 'stdio-api-sqlite'];

describe.each(modes)('MCP tools (%s)', (mode) => {
  let fx: McpDatabase;
  let api: RunningApi | null = null;
  let conn: McpConnection;
  const viaApi = mode === 'stdio-api-sqlite';

  beforeAll(async () => {
    fx = await mcpDatabase(mode === 'inprocess-direct-postgres' ? 'postgres' : 'sqlite');
    if (mode === 'stdio-direct-sqlite') conn = await connectStdio(['--db', fx.db.target, '--cache', `disk:${fx.cacheDir}`]);
    else if (mode === 'inprocess-direct-postgres') conn = await connectInProcess(createDirectBackend(await fx.db.open({ access: 'read' }), { cache: `disk:${fx.cacheDir}` }));
    else {
      const env = { COWRIE_API_KEYS: KEYS, COWRIE_LOG_LEVEL: 'silent', COWRIE_API_CACHE_MS: '0', COWRIE_API_RATE: '100000/s' };
      api = await startApiServer(resolveApiConfig({ port: 0, host: '127.0.0.1', db: fx.db.target }, env));
      conn = await connectStdio(['--api', api.url, '--key', READ_KEY]);
    }
  });
  afterAll(async () => {
    await conn?.close();
    await api?.close();
    await fx?.close();
  });

  const call = async (name: string, args: Record<string, unknown> = {}) => {
    const r = await conn.client.callTool({ name, arguments: args });
    return r as { isError?: boolean; structuredContent?: Record<string, unknown>; content: Array<{ type: string; text: string }> };
  };
  const ok = async <T>(name: string, args: Record<string, unknown> = {}) => {
    const r = await call(name, args);
    expect(r.isError, r.content[0]?.text).toBeFalsy();
    expect(r.content[0]?.type).toBe('text');
    expect(r.content[0]!.text.length).toBeGreaterThan(0);
    return r.structuredContent as T;
  };

  it('lists every tool with input and output schemas', async () => {
    const { tools } = await conn.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOLS].sort());
    for (const t of tools) {
      expect(t.inputSchema.type).toBe('object');
      expect(t.outputSchema?.type).toBe('object');
      expect(t.description!.length).toBeGreaterThan(40);
      expect(t.annotations?.readOnlyHint).toBe(true);
    }
    const sessions = tools.find((t) => t.name === 'query_sessions')!;
    expect(Object.keys(sessions.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['since', 'until', 'sensor', 'limit', 'cursor', 'srcIp']));
  });

  it('top_attackers pages through the same ranking as core topN', async () => {
    const want = await topN(fx.store, 'srcIp', { limit: 6 });
    const p1 = await ok<{ attackers: Array<{ value: string; count: number; sensors: string[] }>; nextCursor: string | null; count: number }>('top_attackers', { limit: 3 });
    expect(p1.count).toBe(3);
    expect(p1.nextCursor).toBeTruthy();
    const p2 = await ok<typeof p1>('top_attackers', { limit: 3, cursor: p1.nextCursor });
    expect([...p1.attackers, ...p2.attackers].map((a) => [a.value, a.count])).toEqual(want.map((w) => [w.value, w.count]));
    expect(p1.attackers[0]!.sensors.length).toBeGreaterThan(0);
  });

  it('query_sessions pages a window exactly like listSessions, and filters by source IP', async () => {
    const want = await listSessions(fx.store, { ...DAY, limit: 10_000 });
    const got: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await ok<{ sessions: Array<{ ref: string }>; nextCursor: string | null }>('query_sessions', { since: '2025-12-02', until: '2025-12-03', limit: 100, ...(cursor ? { cursor } : {}) });
      got.push(...page.sessions.map((s) => s.ref));
      cursor = page.nextCursor;
    } while (cursor);
    expect(want.length).toBeGreaterThan(150);
    expect(got).toEqual(want.map((s) => s.ref));
    const byIp = await ok<{ sessions: Array<{ srcIp: string }> }>('query_sessions', { srcIp: fx.busiest, limit: 500 });
    expect(byIp.sessions.length).toBe((await listSessions(fx.store, { srcIp: fx.busiest, limit: 1000 })).length);
    expect(new Set(byIp.sessions.map((s) => s.srcIp))).toEqual(new Set([fx.busiest]));
  });

  it('session_commands returns the session\'s commands in order, paginated', async () => {
    const [sensor, session] = BOTNET_SESSION.split('/') as [string, string];
    const d = (await getSessionDetail(fx.store, { sensor, session }))!;
    const all = await ok<{ session: { ref: string }; commands: Array<{ input: string }>; totalCommands: number; logins: unknown[] }>('session_commands', { session: BOTNET_SESSION });
    expect(all.session.ref).toBe(BOTNET_SESSION);
    expect(all.commands.map((c) => c.input)).toEqual(d.commands.map((c) => c.input));
    expect(all.commands.map((c) => c.input)).toContain('uname -a');
    expect(all.logins.length).toBe(d.logins.length);
    const p1 = await ok<{ commands: Array<{ input: string }>; nextCursor: string | null }>('session_commands', { session: BOTNET_SESSION, limit: 2 });
    const p2 = await ok<typeof p1>('session_commands', { session: BOTNET_SESSION, limit: 2, cursor: p1.nextCursor });
    expect([...p1.commands, ...p2.commands].map((c) => c.input)).toEqual(d.commands.slice(0, 4).map((c) => c.input));
  });

  it('lookup_ip profiles an IP from the store and its enrichment; unknown IPs are not errors', async () => {
    const r = await ok<{ known: boolean; profile: { sessions: number; enrichment: { country: string } | null; detections: unknown[] }; cache: Record<string, { status: string }> | null }>('lookup_ip', { ip: fx.busiest });
    const n = (await listSessions(fx.store, { srcIp: fx.busiest, limit: 1000 })).length;
    expect(r.known).toBe(true);
    expect(r.profile.sessions).toBe(n);
    expect(r.profile.enrichment?.country).toBe('NL');
    const none = await ok<{ known: boolean; profile: unknown }>('lookup_ip', { ip: '100.64.77.1' });
    expect(none).toMatchObject({ known: false, profile: null });
    const cached = await ok<{ cache: Record<string, { status: string; value: { asn?: number; country?: string } }> | null }>('lookup_ip', { ip: CACHED_IP });
    if (viaApi) expect(cached.cache).toBeNull(); // the API serves stored enrichment only
    else {
      expect(cached.cache?.dshield?.status).toBe('found');
      expect(cached.cache?.dshield?.value).toMatchObject({ asn: 64501 });
      expect(cached.cache?.urlhaus?.status).toBe('skipped');
    }
  });

  it('security_summary is core summarize() plus the dshield-mcp SecuritySummary', async () => {
    const r = await ok<{ summary: Record<string, unknown>; securitySummary: Record<string, unknown> }>('security_summary', { since: DAY.since, until: DAY.until, limit: 5 });
    const want = await summarize(fx.store, { ...DAY, top: 5 });
    expect(r.summary).toEqual(JSON.parse(JSON.stringify(want)));
    expect(r.securitySummary.total_events).toBe(want.events);
    expect(r.securitySummary.unique_source_ips).toBe(want.uniqueIps);
    expect(r.securitySummary.time_range_hours).toBe(24);
  });

  it('detect_* find the planted campaign and botnet, and agree with the stored runs', async () => {
    const snow = await ok<{ source: string; findings: Array<{ id: string; ipCount: number; sessionCount: number; reasons: string[]; ips: Array<{ ip: string }> }>; total: number | null }>('detect_snowshoe', { limit: 5 });
    expect(snow.source).toBe(viaApi ? 'stored' : 'computed');
    const campaign = snow.findings[0]!;
    expect(campaign.ipCount).toBe(40);
    expect(campaign.sessionCount).toBe(79);
    expect(campaign.reasons.length).toBeGreaterThan(1);
    expect(campaign.ips).toHaveLength(20); // the 20 busiest members; ipCount has them all
    expect(ipsOf(truth.snowshoeCampaign.memberIps)).toEqual(expect.arrayContaining(campaign.ips.map((i) => i.ip)));
    const stored = await fx.store.db.selectFrom('detection_findings').select(['id', 'detector']).orderBy('score', 'desc').orderBy('id').execute();
    expect(campaign.id).toBe(stored.find((f) => f.detector === 'snowshoe')!.id);
    const bot = await ok<{ findings: Array<{ ips: Array<{ ip: string }> }> }>('detect_botnet', { limit: 3 });
    expect(bot.findings[0]!.ips.map((i) => i.ip).sort()).toEqual(ipsOf(truth.botnet.memberIps).sort());
    const lt = await ok<{ findings: Array<{ id: string; kind: string }>; nextCursor: string | null }>('detect_longtail', { limit: 5 });
    const storedLt = stored.filter((f) => f.detector === 'longtail');
    expect(lt.findings.length).toBe(Math.min(5, storedLt.length));
    for (const f of lt.findings) expect(storedLt.map((s) => s.id)).toContain(f.id);
    if (storedLt.length > 5) {
      const next = await ok<typeof lt>('detect_longtail', { limit: 5, cursor: lt.nextCursor });
      expect(next.findings.map((f) => f.id).filter((id) => lt.findings.some((f) => f.id === id))).toEqual([]);
    }
  });

  it('answers invalid arguments with tool errors and keeps serving', async () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['top_attackers', { since: 'yesterday' }, /BAD_TIME/],
      ['top_attackers', { limit: 0 }, /validation/i],
      ['top_attackers', { limit: 'ten' }, /validation/i],
      ['query_sessions', { since: '2025-12-03', until: '2025-12-01' }, /BAD_WINDOW|window/i],
      ['lookup_ip', { ip: 'not-an-ip' }, /IPv4 or IPv6/],
      ['lookup_ip', {}, /validation/i],
      ['session_commands', { session: 'hp-nyc-02/000000000000' }, /NOT_FOUND/],
      ['top_attackers', { cursor: 'garbage!' }, /BAD_CURSOR/],
      ['detect_botnet', { limit: 1000 }, /validation/i],
      ['no_such_tool', {}, /not found/i],
    ];
    for (const [name, args, pattern] of cases) {
      const r = await call(name, args);
      expect(r.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
      expect(r.content[0]!.text).toMatch(pattern);
    }
    // A cursor made for other arguments is refused too.
    const p = await ok<{ nextCursor: string }>('top_attackers', { limit: 2 });
    expect((await call('top_attackers', { limit: 2, sensor: 'hp-fra-01', cursor: p.nextCursor })).content[0]!.text).toMatch(/BAD_CURSOR/);
    expect((await ok<{ count: number }>('top_attackers', { limit: 1 })).count).toBe(1);
  });
});
