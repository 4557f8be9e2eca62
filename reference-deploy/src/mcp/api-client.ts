/**
 * @module A small client of the statistics API for the MCP server's `--api` mode: GET with the
 * bearer key, `{ data, meta }` envelopes unwrapped, the API's `{ error }` bodies turned into
 * tool errors with the API's own code.
 */
import { McpToolError } from './mcp-errors.js';

/** A read response of the API. */
export interface Enveloped<T> {
  data: T;
  meta: { next?: string | null; query?: Record<string, unknown>; [k: string]: unknown };
}

/** GET one API path. */
export type ApiGet = <T>(path: string, query?: Record<string, string | number | boolean | undefined>) => Promise<Enveloped<T>>;

/**
 * A GET function bound to the API's base URL and key.
 *
 * @example
 * ```ts
 * const get = createApiGet('http://127.0.0.1:8081', 'reader-key-0123456789');
 * const { data, meta } = await get('/api/v1/attackers', { limit: 5 });
 * ```
 */
export function createApiGet(baseUrl: string, key: string | undefined, timeoutMs = 60_000): ApiGet {
  const base = baseUrl.replace(/\/+$/, '');
  return async <T>(path: string, query: Record<string, string | number | boolean | undefined> = {}) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, String(v));
    const url = `${base}${path}${qs.size > 0 ? `?${qs}` : ''}`;
    let res: Response;
    try {
      res = await fetch(url, { headers: { accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const cause = (err as Error & { cause?: Error }).cause?.message ?? (err as Error).message;
      throw new McpToolError('API_UNREACHABLE', `the statistics API at ${base} did not answer: ${cause}`);
    }
    const body = (await res.json().catch(() => null)) as (Enveloped<T> & { error?: { code?: string; message?: string } }) | null;
    if (!res.ok || !body || !('data' in body)) {
      const code = body?.error?.code ?? `HTTP_${res.status}`;
      throw new McpToolError(code, `statistics API: ${body?.error?.message ?? `HTTP ${res.status}`}`, { status: res.status });
    }
    return body;
  };
}
