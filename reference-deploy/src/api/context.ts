/**
 * @module What every handler and middleware of one API server shares, and the route
 * specification the app, the OpenAPI document and the tests are all built from.
 */
import type { z } from 'zod';
import type { CowrieStore } from '@cowrieprocessor/core';
import type { ApiKey, ApiScope } from '../shared/api-keys.js';
import type { ApiLogger } from '../shared/api-logger.js';
import type { AnswerCache } from './answer-cache.js';
import type { ApiMetrics } from './api-metrics.js';
import type { ApiConfig } from './config.js';
import type { CursorCodec } from './cursor.js';
import type { DbGate } from './db-gate.js';
import type { RateLimiter } from './rate-limiter.js';

/** The server's shared state. */
export interface ApiContext {
  store: CowrieStore;
  config: ApiConfig;
  gate: DbGate;
  cache: AnswerCache;
  codec: CursorCodec;
  metrics: ApiMetrics;
  log: ApiLogger;
  limiter: RateLimiter;
  now: () => number;
}

/** Hono variables set by the middleware. */
export interface ApiEnv {
  Variables: { requestId: string; apiKey: ApiKey | null };
}

/** What a read handler receives. */
export interface HandlerInput<Q, P> {
  q: Q;
  params: P;
  ctx: ApiContext;
  /** The route pattern (cursor binding). */
  route: string;
}

/** What a read handler returns; the app adds the envelope, the query echo and `generatedAt`. */
export interface HandlerResult {
  data: unknown;
  limit?: number;
  next?: string | null;
  total?: number | null;
}

/** One read endpoint: path (Hono syntax), schemas, docs and handler. */
export interface ReadRoute<QS extends z.ZodType = z.ZodType, PS extends z.ZodType = z.ZodType> {
  path: string;
  summary: string;
  description?: string;
  tag: string;
  scope: ApiScope;
  query: QS;
  params?: PS;
  /** Served through the answer cache (hot aggregates). */
  cached: boolean;
  handler(input: HandlerInput<z.output<QS>, z.output<PS>>): Promise<HandlerResult>;
}

/**
 * Declare a read route with its types inferred from the schemas.
 *
 * @example
 * ```ts
 * export const summaryRoute = readRoute({ path: '/api/v1/summary', query: SummarySchema, … , handler: async ({ q, ctx }) => ({ data: … }) });
 * ```
 */
export function readRoute<QS extends z.ZodType, PS extends z.ZodType = z.ZodType>(r: ReadRoute<QS, PS>): ReadRoute {
  return r as unknown as ReadRoute;
}
