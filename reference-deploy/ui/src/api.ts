/**
 * Calls to the statistics API from the page: same origin, `Authorization: Bearer <key>` from the
 * key store, `{ data, meta }` envelopes unwrapped, `{ error }` bodies turned into {@link ApiHttpError}.
 */
import { getKey } from './key-store.js';

/** The `meta` of a read envelope. */
export interface Meta {
  count?: number;
  limit?: number;
  next?: string | null;
  total?: number | null;
  generatedAt?: string;
}

/** A non-2xx answer, with the API's error code. */
export class ApiHttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiHttpError';
  }
}

type Params = Record<string, string | number | undefined | null>;

/** `path?params` with empty values left out. */
export function withQuery(path: string, params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** Fetch JSON from the API (any shape); throws {@link ApiHttpError} on an error status. */
export async function apiFetch<T>(path: string, init: RequestInit = {}, key: string | null = getKey()): Promise<T> {
  const headers = new Headers(init.headers);
  if (key) headers.set('authorization', `Bearer ${key}`);
  if (init.body) headers.set('content-type', 'application/json');
  const res = await fetch(path, { ...init, headers });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page, say: report the status.
  }
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiHttpError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? `HTTP ${res.status} from ${path}`);
  }
  return body as T;
}

/** GET a read endpoint and unwrap its envelope. */
export async function apiGet<T>(path: string, params: Params = {}): Promise<{ data: T; meta: Meta }> {
  return apiFetch<{ data: T; meta: Meta }>(withQuery(path, params));
}

/** POST JSON (job routes answer the coordinator's objects, not envelopes). */
export async function apiPost<T>(path: string, body: unknown): Promise<T> {
  return apiFetch<T>(path, { method: 'POST', body: JSON.stringify(body) });
}
