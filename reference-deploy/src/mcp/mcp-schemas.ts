/**
 * @module The zod shapes the MCP tools validate their arguments with (the SDK turns them into the
 * JSON Schemas `tools/list` shows) and the output schemas of their structured content. Outputs
 * are checked at the top level and loosely inside: the inner shapes are the query API's types.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

const TIME = 'ISO-8601: YYYY-MM-DD (UTC midnight) or YYYY-MM-DDTHH:MM[:SS[.ffffff]] with optional Z or ±HH:MM';

/** `since`, `until` (half-open `[since, until)`) and `sensor`. */
export const windowInput = {
  since: z.string().min(1).max(64).optional().describe(`start of the window, inclusive (${TIME})`),
  until: z.string().min(1).max(64).optional().describe('end of the window, exclusive (same forms as since)'),
  sensor: z.string().min(1).max(200).optional().describe('only this sensor'),
};

/**
 * `limit` with a default and a ceiling.
 *
 * @example
 * ```ts
 * const shape = { ...windowInput, limit: limitInput(10, 1000) };
 * ```
 */
export function limitInput(def: number, max: number) {
  return z.number().int().min(1).max(max).default(def).describe(`page size (1-${max}, default ${def})`);
}

/** `cursor`: the `nextCursor` of the previous page, with otherwise the same arguments. */
export const cursorInput = z.string().min(1).max(4096).optional().describe('nextCursor of the previous page (same other arguments)');

/** An IPv4 or IPv6 address. */
export const ipInput = z.string().min(2).max(64).refine((v) => isIP(v) !== 0, { message: 'not an IPv4 or IPv6 address' });

const row = z.record(z.string(), z.unknown());
const nextCursor = z.string().nullable().describe('cursor of the next page; null on the last');

/** Output of `query_sessions`. */
export const sessionsOutput = { sessions: z.array(row), count: z.number().int(), nextCursor };

/** Output of `top_attackers`. */
export const attackersOutput = { attackers: z.array(row), count: z.number().int(), nextCursor };

/** Output of `lookup_ip`. */
export const lookupIpOutput = {
  ip: z.string(),
  known: z.boolean(),
  profile: row.nullable(),
  cache: z.record(z.string(), z.object({ status: z.enum(['found', 'not_found', 'error', 'skipped']), value: z.unknown(), fetchedAt: z.string().nullable(), reason: z.string().nullable() })).nullable(),
};

/** Output of `security_summary`. */
export const summaryOutput = {
  summary: row.describe('our summary report: totals and top lists (camelCase)'),
  securitySummary: row.describe("dshield-mcp's SecuritySummary model (its own snake_case names)"),
};

const finding = z.object({
  id: z.string(), detector: z.string(), kind: z.string(), score: z.number(), firstSeen: z.string().nullable(), lastSeen: z.string().nullable(),
  summary: z.string(), reasons: z.array(z.string()), evidence: z.unknown(), ipCount: z.number().int(), sessionCount: z.number().int(),
  ips: z.array(z.object({ ip: z.string(), sessions: z.number() })),
});

/** Output of the detect tools. */
export const detectOutput = {
  detector: z.enum(['snowshoe', 'botnet', 'longtail']),
  source: z.enum(['computed', 'stored']),
  window: z.object({ since: z.string().nullable(), until: z.string().nullable(), sensor: z.string().nullable() }),
  findings: z.array(finding),
  total: z.number().int().nullable(),
  nextCursor,
  stats: row.nullable(),
};

/** Output of `session_commands`. */
export const sessionCommandsOutput = {
  session: row,
  commands: z.array(z.object({ ts: z.string().nullable(), eventid: z.string(), input: z.string(), defanged: z.string(), riskScore: z.number() })),
  logins: z.array(row),
  downloads: z.array(row),
  totalCommands: z.number().int(),
  nextCursor,
};
