/**
 * @module dshield-mcp compatibility view: its `SecuritySummary` and `DShieldTopAttacker` shapes,
 * with its own names, under `/api/v1/compat/dshield/…` (the data inside our envelope).
 */
import { z } from 'zod';
import { readRoute, type ReadRoute } from '../context.js';
import { limitParam, windowShape } from '../params.js';
import { topAttackers } from '../queries/attackers.js';
import { securitySummary, toDShieldTopAttacker } from '../queries/compat-dshield.js';

const topAttackersRoute = readRoute({
  path: '/api/v1/compat/dshield/top-attackers', tag: 'compat: dshield-mcp', scope: 'read', cached: true,
  summary: 'dshield-mcp DShieldTopAttacker list (attack_count = sessions)',
  query: z.strictObject({ ...windowShape, limit: limitParam(10, 1000) }),
  async handler({ q, ctx }) {
    const rows = await topAttackers(ctx.store, q, 0, q.limit);
    return { data: rows.map((a) => toDShieldTopAttacker(a)), limit: q.limit };
  },
});

const securitySummaryRoute = readRoute({
  path: '/api/v1/compat/dshield/security-summary', tag: 'compat: dshield-mcp', scope: 'read', cached: true,
  summary: 'dshield-mcp SecuritySummary of the window',
  query: z.strictObject({ ...windowShape, limit: limitParam(10, 100) }),
  async handler({ q, ctx }) {
    return { data: await securitySummary(ctx.store, q, q.limit, ctx.now()), limit: q.limit };
  },
});

/** The compatibility routes. */
export const compatRoutes: ReadRoute[] = [topAttackersRoute, securitySummaryRoute];
