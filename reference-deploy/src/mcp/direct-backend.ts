/**
 * @module The direct adapter: answers every tool from an open store with the same queries the
 * statistics API serves (so both adapters agree), runs detectors in-process, and reads the
 * enrichment cache offline. Never writes.
 */
import { getSessionDetail, parseWindow, resolveSessionRef, summarize, type CowrieStore } from '@cowrieprocessor/core';
import { topAttackers } from '../api/queries/attackers.js';
import { securitySummary } from '../api/queries/compat-dshield.js';
import { ipProfile } from '../api/queries/ip-profile.js';
import { searchSessions, type SessionAfter } from '../api/queries/sessions.js';
import { createIpCacheLookup } from './cache-lookup.js';
import { createDetectorRunner } from './direct-detect.js';
import { fromComputed } from './finding-view.js';
import type { McpBackend, WindowArgs } from './mcp-backend.js';
import { decodeCursor, decodeOffset, encodeCursor } from './mcp-cursor.js';
import { pageSessionCommands } from './session-commands.js';
import { McpToolError } from './mcp-errors.js';

/** Options of {@link createDirectBackend}. */
export interface DirectBackendOptions {
  /** Enrichment cache for `lookup_ip` (`sql` default, `disk:<dir>`, `hybrid:<dir>`, `none`). */
  cache?: string;
  env?: Record<string, string | undefined>;
  /** Close the store with the backend (default true). */
  ownsStore?: boolean;
}

/** Canonical window (core's parser: BAD_TIME / BAD_WINDOW as usage errors). */
function win<T extends WindowArgs>(a: T): T {
  const w = parseWindow(a.since, a.until);
  return { ...a, since: w.since, until: w.until };
}

/**
 * The backend over `store`.
 *
 * @example
 * ```ts
 * const backend = createDirectBackend(await openStore('cowrie.sqlite', { access: 'read' }));
 * const page = await backend.attackers({ limit: 10 });
 * ```
 */
export function createDirectBackend(store: CowrieStore, opts: DirectBackendOptions = {}): McpBackend {
  const detect = createDetectorRunner(store);
  const cache = opts.cache === 'none' ? null : createIpCacheLookup(store, opts.cache, opts.env ?? {});
  return {
    kind: 'direct',
    async sessions(args) {
      const a = win(args);
      let after: SessionAfter | undefined;
      if (a.cursor) {
        const p = decodeCursor('query_sessions', a, a.cursor);
        const k = 'after' in p ? p.after : undefined;
        if (k?.firstTs === undefined || k.sensor === undefined || k.session === undefined) throw new McpToolError('BAD_CURSOR', 'cursor is not valid for this call (malformed); start again without a cursor');
        after = { firstTs: k.firstTs, sensor: k.sensor, session: k.session };
      }
      const rows = await searchSessions(store, a, a.limit + 1, after);
      const page = rows.slice(0, a.limit);
      const last = page.at(-1);
      const nextCursor = rows.length > a.limit && last
        ? encodeCursor('query_sessions', a, { after: { firstTs: last.firstTs ?? '', sensor: last.sensor, session: last.session } }) : null;
      return { sessions: page, nextCursor };
    },
    async attackers(args) {
      const a = win(args);
      const offset = decodeOffset('top_attackers', a, a.cursor);
      const rows = await topAttackers(store, a, offset, a.limit + 1);
      return { attackers: rows.slice(0, a.limit), nextCursor: rows.length > a.limit ? encodeCursor('top_attackers', a, { offset: offset + a.limit }) : null };
    },
    async lookupIp(args) {
      const a = win(args);
      const profile = await ipProfile(store, a.ip, a, a.limit);
      const cached = cache ? await cache.lookup(a.ip) : null;
      const inCache = !!cached && Object.values(cached).some((c) => c.status === 'found' || c.status === 'not_found');
      return { ip: a.ip, known: profile !== null || inCache, profile, cache: cached };
    },
    async summary(args) {
      const a = win(args);
      const f = { since: a.since, until: a.until, sensor: a.sensor };
      const [summary, compat] = await Promise.all([summarize(store, { ...f, top: a.limit }), securitySummary(store, f, a.limit, Date.now())]);
      return { summary, securitySummary: compat };
    },
    async detect(detector, args) {
      const a = win(args);
      const tool = `detect_${detector}`;
      const offset = decodeOffset(tool, a, a.cursor);
      const run = await detect(detector, a);
      const all = run.findings;
      return {
        detector, source: 'computed',
        window: { since: run.window.since, until: run.window.until, sensor: run.window.sensor ?? null },
        findings: all.slice(offset, offset + a.limit).map(fromComputed),
        total: all.length,
        nextCursor: all.length > offset + a.limit ? encodeCursor(tool, a, { offset: offset + a.limit }) : null,
        stats: run.stats,
      };
    },
    async sessionCommands(a) {
      const key = await resolveSessionRef(store, a.session);
      const d = key && (await getSessionDetail(store, key));
      if (!d) throw new McpToolError('NOT_FOUND', `no session ${a.session.slice(0, 200)}`);
      return pageSessionCommands(d, a);
    },
    async close() {
      await cache?.close();
      if (opts.ownsStore !== false) await store.close();
    },
  };
}
