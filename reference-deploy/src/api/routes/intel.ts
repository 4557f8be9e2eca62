/**
 * @module Detections (campaign and longtail findings with evidence) and the per-IP profile.
 */
import { z } from 'zod';
import { ApiError } from '../../shared/api-errors.js';
import { readRoute, type ReadRoute } from '../context.js';
import { cursorParam, ipParam, limitParam, windowShape } from '../params.js';
import { listFindings } from '../queries/detections.js';
import { ipProfile } from '../queries/ip-profile.js';
import { nextCursor, offsetOf } from './paging.js';

const detections = readRoute({
  path: '/api/v1/detections', tag: 'detections', scope: 'read', cached: true,
  summary: 'Detection findings active in the window (lastSeen ≥ since, firstSeen < until), highest score first, with evidence',
  query: z.strictObject({
    ...windowShape,
    detector: z.enum(['snowshoe', 'botnet', 'longtail']).optional().describe('only this detector'),
    kind: z.string().min(1).max(64).regex(/^[a-z0-9_.-]+$/).optional().describe('only this finding kind'),
    ip: ipParam.optional().describe('only findings this IP belongs to'),
    minScore: z.coerce.number().min(0).max(1e9).optional().describe('only findings scoring at least this'),
    limit: limitParam(20, 200),
    cursor: cursorParam,
  }),
  async handler(input) {
    const { q, ctx } = input;
    const offset = offsetOf(input);
    const rows = await listFindings(ctx.store, q, offset, q.limit + 1);
    return { data: rows.slice(0, q.limit), limit: q.limit, next: nextCursor(input, offset + q.limit, rows.length > q.limit) };
  },
});

const ip = readRoute({
  path: '/api/v1/ip/:ip', tag: 'detections', scope: 'read', cached: true,
  summary: 'Everything known about one IP: sessions, credentials, commands, downloads, fingerprints, enrichment, findings',
  query: z.strictObject({ ...windowShape, limit: limitParam(10, 100) }),
  params: z.strictObject({ ip: ipParam.describe('IPv4 or IPv6 address') }),
  async handler({ q, params, ctx }) {
    const p = await ipProfile(ctx.store, params.ip, q, q.limit);
    if (!p) throw new ApiError(404, 'NOT_FOUND', `nothing known about ${params.ip}`);
    return { data: p, limit: q.limit };
  },
});

/** The detection and IP routes. */
export const intelRoutes: ReadRoute[] = [detections, ip];
