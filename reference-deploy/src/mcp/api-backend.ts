/**
 * @module The API adapter (`cowrie mcp --api URL --key …`): every tool answered by a running
 * statistics API, so the MCP server needs no database access. Detect tools run the detector as a
 * job through the API's job routes (keys with the `jobs` scope) and read that run's findings; with
 * a read-only key, or an API without a coordinator, they read what earlier runs stored.
 * `lookup_ip` shows the enrichment the API serves (no cache access).
 */
import type { SessionDetail, SessionSummary, SummaryReport } from '@cowrieprocessor/core';
import type { Attacker } from '../api/queries/attackers.js';
import type { SecuritySummary } from '../api/queries/compat-dshield.js';
import type { Finding } from '../api/queries/detections.js';
import type { IpProfile } from '../api/queries/ip-profile.js';
import { createApiGet } from './api-client.js';
import { runJobThroughApi } from './api-jobs.js';
import { fromStored } from './finding-view.js';
import type { McpBackend, WindowArgs } from './mcp-backend.js';
import { McpToolError } from './mcp-errors.js';
import { pageSessionCommands } from './session-commands.js';

const windowQuery = (a: WindowArgs) => ({ since: a.since, until: a.until, sensor: a.sensor });

/**
 * The backend over the API at `baseUrl` with key `key` (`read` scope).
 *
 * @example
 * ```ts
 * const backend = createApiBackend('http://127.0.0.1:8081', process.env.COWRIE_API_KEY);
 * ```
 */
export function createApiBackend(baseUrl: string, key: string | undefined): McpBackend {
  const get = createApiGet(baseUrl, key);
  return {
    kind: 'api',
    async sessions(a) {
      const r = await get<SessionSummary[]>('/api/v1/sessions', {
        ...windowQuery(a), srcIp: a.srcIp, username: a.username, command: a.command,
        hasDownload: a.hasDownload === undefined ? undefined : String(a.hasDownload), limit: a.limit, cursor: a.cursor,
      });
      return { sessions: r.data, nextCursor: r.meta.next ?? null };
    },
    async attackers(a) {
      const r = await get<Attacker[]>('/api/v1/attackers', { ...windowQuery(a), limit: a.limit, cursor: a.cursor });
      return { attackers: r.data, nextCursor: r.meta.next ?? null };
    },
    async lookupIp(a) {
      try {
        const r = await get<IpProfile>(`/api/v1/ip/${encodeURIComponent(a.ip)}`, { ...windowQuery(a), limit: Math.min(a.limit, 100) });
        return { ip: r.data.ip, known: true, profile: r.data, cache: null };
      } catch (err) {
        if (err instanceof McpToolError && err.code === 'NOT_FOUND') return { ip: a.ip, known: false, profile: null, cache: null };
        throw err;
      }
    },
    async summary(a) {
      const q = { ...windowQuery(a), limit: Math.min(a.limit, 100) };
      const [s, c] = await Promise.all([get<SummaryReport>('/api/v1/summary', q), get<SecuritySummary>('/api/v1/compat/dshield/security-summary', q)]);
      return { summary: s.data, securitySummary: c.data };
    },
    async detect(detector, a) {
      const str = (v: unknown) => (typeof v === 'string' ? v : null);
      if (!a.cursor) {
        // A fresh answer: run the detector now as a job, then read that run's findings.
        const job = await runJobThroughApi(baseUrl, key, detector, { since: a.since, until: a.until, sensor: a.sensor });
        const runId = job.ran ? str(job.result.runId) : null;
        if (runId) {
          const r = await get<Finding[]>('/api/v1/detections', { detector, limit: 200 });
          const mine = r.data.filter((f) => f.lastRunId === runId);
          const w = (job.ran ? job.result.window : null) as Record<string, unknown> | null;
          return {
            detector, source: 'computed', window: { since: str(w?.since), until: str(w?.until), sensor: str(w?.sensor) },
            findings: mine.slice(0, a.limit).map(fromStored), total: mine.length, nextCursor: null, stats: (job.ran ? job.result.stats : null) as never,
          };
        }
      }
      const r = await get<Finding[]>('/api/v1/detections', { ...windowQuery(a), detector, limit: Math.min(a.limit, 200), cursor: a.cursor });
      const q = r.meta.query ?? {};
      return {
        detector, source: 'stored', window: { since: str(q.since), until: str(q.until), sensor: str(q.sensor) },
        findings: r.data.map(fromStored), total: null, nextCursor: r.meta.next ?? null, stats: null,
      };
    },
    async sessionCommands(a) {
      const r = await get<SessionDetail>(`/api/v1/sessions/${encodeURIComponent(a.session)}`);
      return pageSessionCommands(r.data, a);
    },
    async close() {},
  };
}
