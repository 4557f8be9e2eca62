/**
 * @module The port the MCP tools are written against. Two adapters implement it: the direct one
 * (opens the database and runs our packages in-process) and the API one (calls a running
 * statistics API). Both answer the same shapes, so one conformance suite runs over both.
 */
import type { SessionDetail, SessionSummary, SummaryReport } from '@cowrieprocessor/core';
import type { Attacker } from '../api/queries/attackers.js';
import type { SecuritySummary } from '../api/queries/compat-dshield.js';
import type { IpProfile } from '../api/queries/ip-profile.js';

/** `since` / `until` (half-open, canonical ISO) and `sensor`, as every tool takes them. */
export interface WindowArgs {
  since?: string;
  until?: string;
  sensor?: string;
}

/** Arguments of a paginated list. */
export interface PageArgs {
  limit: number;
  cursor?: string;
}

/** Filters of `query_sessions`. */
export interface SessionsArgs extends WindowArgs, PageArgs {
  srcIp?: string;
  username?: string;
  command?: string;
  hasDownload?: boolean;
}

/** A page of sessions; `nextCursor` is null on the last page. */
export interface SessionsPage {
  sessions: SessionSummary[];
  nextCursor: string | null;
}

/** A page of attackers (count = sessions). */
export interface AttackersPage {
  attackers: Attacker[];
  nextCursor: string | null;
}

/** What the enrichment cache answered for one service (offline: never an API call). */
export interface CacheAnswer {
  status: 'found' | 'not_found' | 'error' | 'skipped';
  value: unknown;
  fetchedAt: string | null;
  reason: string | null;
}

/** `lookup_ip`: the store's profile of the IP plus the enrichment cache's answers. */
export interface IpLookup {
  ip: string;
  known: boolean;
  profile: IpProfile | null;
  /** Per service (dshield, urlhaus, spur), from the enrichment cache; null when the backend has no cache access. */
  cache: Record<string, CacheAnswer> | null;
}

/** `security_summary`: our summary and dshield-mcp's `SecuritySummary` beside it. */
export interface SummaryResult {
  summary: SummaryReport;
  securitySummary: SecuritySummary;
}

/** One finding as the detect tools show it. */
export interface FindingView {
  id: string;
  detector: string;
  kind: string;
  score: number;
  firstSeen: string | null;
  lastSeen: string | null;
  summary: string;
  /** The detector's own reasons (evidence.reasons), the explanation in words. */
  reasons: string[];
  evidence: unknown;
  ipCount: number;
  sessionCount: number;
  /** Member IPs, most sessions first (at most 20). */
  ips: Array<{ ip: string; sessions: number }>;
}

/** Detector names the detect tools run. */
export type DetectorTool = 'snowshoe' | 'botnet' | 'longtail';

/** A page of findings of one detector over a window. */
export interface DetectResult {
  detector: DetectorTool;
  /** `computed` now over the window (direct), or `stored` findings of earlier runs (API). */
  source: 'computed' | 'stored';
  window: { since: string | null; until: string | null; sensor: string | null };
  findings: FindingView[];
  /** All findings of the run (computed), or null when unknown (stored, paged by the API). */
  total: number | null;
  nextCursor: string | null;
  /** Run statistics (computed only). */
  stats: Record<string, unknown> | null;
}

/** `session_commands`: the session and a page of its commands, with its logins and downloads. */
export interface SessionCommands {
  session: SessionSummary;
  commands: SessionDetail['commands'];
  logins: SessionDetail['logins'];
  downloads: SessionDetail['downloads'];
  totalCommands: number;
  nextCursor: string | null;
}

/** The backend port. */
export interface McpBackend {
  readonly kind: 'direct' | 'api';
  sessions(a: SessionsArgs): Promise<SessionsPage>;
  attackers(a: WindowArgs & PageArgs): Promise<AttackersPage>;
  lookupIp(a: WindowArgs & { ip: string; limit: number }): Promise<IpLookup>;
  summary(a: WindowArgs & { limit: number }): Promise<SummaryResult>;
  detect(detector: DetectorTool, a: WindowArgs & PageArgs): Promise<DetectResult>;
  sessionCommands(a: { session: string } & PageArgs): Promise<SessionCommands>;
  close(): Promise<void>;
}
