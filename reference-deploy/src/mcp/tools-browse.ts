/**
 * @module The browsing tools: `query_sessions`, `top_attackers`, `lookup_ip`,
 * `security_summary` and `session_commands`.
 */
import { z } from 'zod';
import { normalizeIp } from '@cowrieprocessor/core';
import type { AttackersPage, IpLookup, SessionCommands, SessionsArgs, SessionsPage, SummaryResult, WindowArgs } from './mcp-backend.js';
import {
  attackersOutput, cursorInput, ipInput, limitInput, lookupIpOutput, sessionCommandsOutput, sessionsOutput, summaryOutput, windowInput,
} from './mcp-schemas.js';
import type { ToolSpec } from './tool-spec.js';

type Args = Record<string, unknown>;
const clip = (s: string, n = 100) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const more = (next: string | null) => (next ? ['(more: call again with cursor = nextCursor)'] : []);

const querySessions: ToolSpec = {
  name: 'query_sessions', title: 'Query sessions',
  description: 'Sessions whose first event falls in [since, until), oldest first, with filters (source IP, username tried, command substring, has a download). Paginated: pass nextCursor back as cursor.',
  input: {
    ...windowInput,
    srcIp: ipInput.optional().describe('only sessions from this source IP'),
    username: z.string().max(256).optional().describe('only sessions that tried this username'),
    command: z.string().min(1).max(256).optional().describe('only sessions that ran a command containing this text'),
    hasDownload: z.boolean().optional().describe('only sessions with (true) or without (false) a download'),
    limit: limitInput(50, 500), cursor: cursorInput,
  },
  output: sessionsOutput,
  async run(b, a: Args) {
    const srcIp = a.srcIp === undefined ? undefined : (normalizeIp(a.srcIp as string) ?? (a.srcIp as string));
    const page = await b.sessions({ ...(a as unknown as SessionsArgs), srcIp });
    return { ...page, count: page.sessions.length };
  },
  text(o) {
    const p = o as SessionsPage;
    return [`${p.sessions.length} session(s)`, ...p.sessions.slice(0, 10).map((s) =>
      `  ${s.ref}  ${s.srcIp ?? '?'}  ${s.firstTs ?? '?'}  logins ${s.loginAttempts} (${s.loginSuccess} ok), commands ${s.commandCount}, downloads ${s.downloadCount}`),
    ...(p.sessions.length > 10 ? [`  … ${p.sessions.length - 10} more in the structured content`] : []), ...more(p.nextCursor)].join('\n');
  },
};

const topAttackers: ToolSpec = {
  name: 'top_attackers', title: 'Top attackers',
  description: 'Source IPs ranked by sessions started in [since, until), with first/last seen, sensors, login attempts and successes, distinct credentials tried, commands, downloads and enrichment (country, ASN, reputation). Paginated.',
  input: { ...windowInput, limit: limitInput(10, 1000), cursor: cursorInput },
  output: attackersOutput,
  async run(b, a: Args) {
    const page = await b.attackers(a as never);
    return { ...page, count: page.attackers.length };
  },
  text(o) {
    const p = o as AttackersPage;
    return [`${p.attackers.length} attacker(s) by sessions`, ...p.attackers.map((x, i) =>
      `  ${i + 1}. ${x.value}  ${x.count} sessions, ${x.loginAttempts} logins (${x.loginSuccesses} ok), ${x.credentialsTried} credentials, ${x.commands} commands${x.country ? `, ${x.country}` : ''}${x.asn ? ` AS${x.asn}` : ''}`),
    ...more(p.nextCursor)].join('\n');
  },
};

const lookupIp: ToolSpec = {
  name: 'lookup_ip', title: 'Look up an IP',
  description: 'Everything known about one IP: its sessions in the window (counts, first/last seen, sensors), credentials, commands, downloads, fingerprints, stored enrichment, findings it belongs to, recent sessions, and what the enrichment cache holds (offline, never an API call).',
  input: { ip: ipInput.describe('IPv4 or IPv6 address'), ...windowInput, limit: limitInput(10, 100) },
  output: lookupIpOutput,
  async run(b, a: Args) {
    return b.lookupIp({ ...(a as unknown as WindowArgs & { limit: number }), ip: normalizeIp(a.ip as string) ?? (a.ip as string) });
  },
  text(o) {
    const r = o as IpLookup;
    if (!r.known) return `${r.ip}: nothing known (no session in the window, no finding, no enrichment)`;
    const p = r.profile;
    const cache = r.cache ? Object.entries(r.cache).map(([s, c]) => `${s} ${c.status}`).join(', ') : null;
    return [
      p ? `${r.ip}: ${p.sessions} sessions ${p.firstSeen ?? '?'} → ${p.lastSeen ?? '?'} on ${p.sensors.join(', ') || 'no sensor'}; ${p.loginAttempts} logins (${p.loginSuccesses} ok)` : `${r.ip}: no session in the window`,
      ...(p?.enrichment ? [`  enrichment: ${p.enrichment.country ?? '?'} AS${p.enrichment.asn ?? '?'} ${p.enrichment.asName ?? ''}`.trimEnd()] : []),
      ...(p && p.detections.length > 0 ? [`  findings: ${p.detections.map((d) => `${d.detector}/${d.kind} ${d.score.toFixed(2)}`).join('; ')}`] : []),
      ...(p && p.commands.length > 0 ? [`  top commands: ${p.commands.slice(0, 3).map((c) => clip(c.value, 60)).join(' | ')}`] : []),
      ...(cache ? [`  cache: ${cache}`] : []),
    ].join('\n');
  },
};

const securitySummary: ToolSpec = {
  name: 'security_summary', title: 'Security summary',
  description: "Summary of [since, until) (all data when open): sessions, events, unique IPs, logins, commands, downloads and top lists (ours, camelCase), plus dshield-mcp's SecuritySummary model beside it (its own names).",
  input: { ...windowInput, limit: limitInput(10, 100).describe('entries per top list (1-100, default 10)') },
  output: summaryOutput,
  run: (b, a: Args) => b.summary(a as never),
  text(o) {
    const { summary: s, securitySummary: c } = o as SummaryResult;
    return [
      `${s.window.since ?? 'all data'} → ${s.window.until ?? 'now'}${s.window.sensor ? `, sensor ${s.window.sensor}` : ''}: ${s.sessions} sessions, ${s.events} events, ${s.uniqueIps} IPs, ${s.loginAttempts} logins (${s.loginSuccesses} ok), ${s.commands} commands, ${s.downloads} downloads`,
      `  top IPs: ${s.topIps.slice(0, 5).map((t) => `${t.value} (${t.count})`).join(', ') || 'none'}`,
      `  top credentials: ${s.topCredentials.slice(0, 5).map((t) => `${clip(t.value, 40)} (${t.count})`).join(', ') || 'none'}`,
      `  high-risk command events: ${c.high_risk_events}; threat-intel hits: ${c.threat_intelligence_hits}`,
    ].join('\n');
  },
};

const sessionCommands: ToolSpec = {
  name: 'session_commands', title: "A session's commands",
  description: 'The commands one session ran, in time order (as typed, with the defanged form and risk score), plus its logins and downloads. The session as sensor/session, or a bare session id when unique. Commands paginated.',
  input: { session: z.string().min(1).max(400).describe('sensor/session, or a session id unique across sensors'), limit: limitInput(200, 1000), cursor: cursorInput },
  output: sessionCommandsOutput,
  run: (b, a: Args) => b.sessionCommands(a as never),
  text(o) {
    const r = o as SessionCommands;
    return [
      `${r.session.ref} from ${r.session.srcIp ?? '?'} at ${r.session.firstTs ?? '?'}: ${r.totalCommands} command event(s), ${r.logins.length} login(s), ${r.downloads.length} download(s)`,
      ...r.commands.slice(0, 30).map((c) => `  ${c.ts ?? '?'}  [${c.riskScore}] ${clip(c.defanged, 120)}`),
      ...(r.commands.length > 30 ? [`  … ${r.commands.length - 30} more in the structured content`] : []), ...more(r.nextCursor),
    ].join('\n');
  },
};

/** The browsing tools. */
export const BROWSE_TOOLS: readonly ToolSpec[] = [querySessions, topAttackers, lookupIp, securitySummary, sessionCommands];
