/**
 * @module Query-parameter schemas shared by the endpoints, and {@link parseQuery}, which every
 * handler calls: it refuses repeated and unknown parameters, validates with zod and canonicalises
 * the time window with core's parser, so that the schema that validates is the schema the
 * OpenAPI document shows.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { normalizeIp, parseWindow } from '@cowrieprocessor/core';
import { ApiError } from '../shared/api-errors.js';

const TIME_HELP = 'ISO-8601: YYYY-MM-DD (UTC midnight) or YYYY-MM-DDTHH:MM[:SS[.ffffff]] with optional Z or ±HH:MM';

/** `since`, `until`, `sensor`: every list takes them (`[since, until)`, conventions). */
export const windowShape = {
  since: z.string().max(64).optional().describe(`start of the window, inclusive (${TIME_HELP})`),
  until: z.string().max(64).optional().describe('end of the window, exclusive (same forms as since)'),
  sensor: z.string().min(1).max(200).optional().describe('only this sensor'),
};

/**
 * `limit` with a default and a ceiling.
 *
 * @example
 * ```ts
 * const schema = z.strictObject({ ...windowShape, limit: limitParam(10, 1000) });
 * ```
 */
export function limitParam(def: number, max: number) {
  return z.coerce.number().int().min(1).max(max).default(def).describe(`page size (1-${max}, default ${def})`);
}

/** The opaque `cursor` of a previous page's `meta.next`. */
export const cursorParam = z.string().min(1).max(2048).optional().describe('opaque cursor from meta.next of the previous page');

/** An IP address (v4 or v6), stored form: IPv4-mapped IPv6 becomes IPv4, IPv6 compressed. */
export const ipParam = z.string().max(64).refine((v) => isIP(v) !== 0, { message: 'not an IPv4 or IPv6 address' })
  .transform((v) => normalizeIp(v) ?? v);

/**
 * Validate a request's query string against a strict schema. Repeated parameters and parameters
 * the schema does not name are 400s; `since`/`until`, when the schema has them, come back in
 * canonical form (`2024-03-01T00:00:00.000000Z`).
 *
 * @example
 * ```ts
 * const q = parseQuery(TopSchema, new URL(c.req.url).searchParams);
 * ```
 */
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [k, v] of params) {
    refuseNul(k, v);
    if (k in raw) throw new ApiError(400, 'DUPLICATE_PARAM', `parameter "${clip(k)}" is given more than once`, { param: clip(k) });
    raw[k] = v;
  }
  const r = schema.safeParse(raw);
  if (!r.success) throw zodToApiError(r.error);
  const out = r.data as Record<string, unknown>;
  if ('since' in out || 'until' in out) {
    const w = parseWindow(out.since as string | undefined, out.until as string | undefined);
    out.since = w.since;
    out.until = w.until;
  }
  return out as z.output<S>;
}

/**
 * A zod error as a 400 with one readable message and the issues (paths and messages only).
 *
 * @example
 * ```ts
 * const r = schema.safeParse(x); if (!r.success) throw zodToApiError(r.error);
 * ```
 */
export function zodToApiError(err: z.ZodError): ApiError {
  const unknown = err.issues.find((i) => i.code === 'unrecognized_keys') as { keys?: string[] } | undefined;
  if (unknown?.keys?.length) {
    const names = unknown.keys.map(clip);
    return new ApiError(400, 'UNKNOWN_PARAM', `unknown parameter${names.length > 1 ? 's' : ''}: ${names.join(', ')}`, { params: names });
  }
  const issues = err.issues.slice(0, 10).map((i) => ({ param: i.path.map(String).join('.'), message: i.message }));
  return new ApiError(400, 'INVALID_PARAM', issues.map((i) => `${i.param || 'query'}: ${i.message}`).join('; '), { issues });
}

/**
 * NUL cannot be stored in PostgreSQL text (nor is it in any stored value): a parameter holding
 * one is a 400, not a database error.
 *
 * @example
 * ```ts
 * refuseNul('sensor', value);
 * ```
 */
export function refuseNul(name: string, value: string): void {
  if (value.includes('\u0000') || name.includes('\u0000')) throw new ApiError(400, 'INVALID_PARAM', `${clip(name.replace(/\u0000/g, ''))}: NUL characters are not allowed`, { param: clip(name.replace(/\u0000/g, '')) });
}

/** Echo at most 64 characters of a caller's name back (no reflecting megabytes). */
function clip(s: string): string {
  return s.length > 64 ? `${s.slice(0, 61)}...` : s;
}
