/**
 * @module The hot aggregates: attackers, sensors, time series and the summary (all cached ≤ 5 s).
 */
import { z } from 'zod';
import { summarize } from '@cowrieprocessor/core';
import { readRoute, type ReadRoute } from '../context.js';
import { cursorParam, limitParam, windowShape } from '../params.js';
import { topAttackers } from '../queries/attackers.js';
import { sensorStatus } from '../queries/sensors.js';
import { timeSeries } from '../queries/timeseries.js';
import { nextCursor, offsetOf } from './paging.js';

const attackers = readRoute({
  path: '/api/v1/attackers', tag: 'aggregates', scope: 'read', cached: true,
  summary: 'Top source IPs (count = sessions) with first/last seen, sensors, credentials tried and enrichment',
  query: z.strictObject({ ...windowShape, limit: limitParam(10, 1000), cursor: cursorParam }),
  async handler(input) {
    const { q, ctx } = input;
    const offset = offsetOf(input);
    const rows = await topAttackers(ctx.store, q, offset, q.limit + 1);
    return { data: rows.slice(0, q.limit), limit: q.limit, next: nextCursor(input, offset + q.limit, rows.length > q.limit) };
  },
});

const sensors = readRoute({
  path: '/api/v1/sensors', tag: 'aggregates', scope: 'read', cached: true,
  summary: 'Sensors: status, sessions, events, unique IPs, first/last event and events per UTC day',
  query: z.strictObject({ ...windowShape, limit: limitParam(100, 1000), cursor: cursorParam }),
  async handler(input) {
    const { q, ctx } = input;
    const offset = offsetOf(input);
    const all = await sensorStatus(ctx.store, q, ctx.now());
    return { data: all.slice(offset, offset + q.limit), limit: q.limit, total: all.length, next: nextCursor(input, offset + q.limit, all.length > offset + q.limit) };
  },
});

const timeseries = readRoute({
  path: '/api/v1/timeseries', tag: 'aggregates', scope: 'read', cached: true,
  summary: 'Events (by event time) and sessions (by first event) per UTC hour or day, oldest first',
  query: z.strictObject({ ...windowShape, interval: z.enum(['hour', 'day']).default('hour').describe('bucket size'), limit: limitParam(1000, 10000), cursor: cursorParam }),
  async handler(input) {
    const { q, ctx } = input;
    const offset = offsetOf(input);
    const all = await timeSeries(ctx.store, q, q.interval);
    return { data: all.slice(offset, offset + q.limit), limit: q.limit, total: all.length, next: nextCursor(input, offset + q.limit, all.length > offset + q.limit) };
  },
});

const summary = readRoute({
  path: '/api/v1/summary', tag: 'aggregates', scope: 'read', cached: true,
  summary: 'Summary of a window: totals and every top list (limit = entries per list)',
  query: z.strictObject({ ...windowShape, limit: limitParam(10, 100) }),
  async handler({ q, ctx }) {
    const r = await summarize(ctx.store, { since: q.since, until: q.until, sensor: q.sensor, top: q.limit });
    return { data: r, limit: q.limit };
  },
});

/** The aggregate routes. */
export const aggregateRoutes: ReadRoute[] = [attackers, sensors, timeseries, summary];
