import { CowrieError } from '@cowrieprocessor/core';
import type { CliIo } from '../io.js';

/** The coordinator as the CLI reaches it (`COWRIE_COORDINATOR_URL`, `COWRIE_API_KEY`). */
export interface JobsClient {
  base: string;
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Follow a job's server-sent events; `onEvent` per event; resolves when the stream ends. */
  events(jobId: string, onEvent: (type: string, data: Record<string, unknown>) => void, signal?: AbortSignal): Promise<void>;
}

/**
 * A client for the coordinator named by `--coordinator` or `COWRIE_COORDINATOR_URL` (default
 * `http://127.0.0.1:8082`), with `COWRIE_API_KEY` as the bearer key. HTTP errors become
 * {@link CowrieError}s with the coordinator's code and message.
 *
 * @example
 * ```ts
 * const job = await jobsClient(io).request<{ jobId: string }>('POST', '/api/v1/jobs', { jobType: 'report', parameters: {} });
 * ```
 */
export function jobsClient(io: CliIo, url?: string): JobsClient {
  const base = (url ?? io.env.COWRIE_COORDINATOR_URL ?? 'http://127.0.0.1:8082').replace(/\/+$/, '');
  const key = io.env.COWRIE_API_KEY;
  const headers = (extra: Record<string, string> = {}) => ({ ...(key ? { authorization: `Bearer ${key}` } : {}), ...extra });
  const call = async (method: string, path: string, init: RequestInit): Promise<Response> => {
    try {
      return await fetch(`${base}${path}`, { method, ...init });
    } catch (err) {
      throw new CowrieError('COORDINATOR_UNREACHABLE', `cannot reach the coordinator at ${base}: ${(err as Error & { cause?: Error }).cause?.message ?? (err as Error).message} (set COWRIE_COORDINATOR_URL)`);
    }
  };
  const fail = async (res: Response): Promise<never> => {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new CowrieError(body?.error?.code ?? `HTTP_${res.status}`, `coordinator: ${body?.error?.message ?? `HTTP ${res.status}`}`);
  };
  return {
    base,
    async request<T>(method: string, path: string, body?: unknown) {
      const res = await call(method, path, {
        headers: headers(body === undefined ? {} : { 'content-type': 'application/json' }),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) await fail(res);
      return (await res.json()) as T;
    },
    async events(jobId, onEvent, signal) {
      const res = await call('GET', `/api/v1/jobs/${encodeURIComponent(jobId)}/events`, { headers: headers({ accept: 'text/event-stream' }), signal });
      if (!res.ok || !res.body) await fail(res);
      const decoder = new TextDecoder();
      let buf = '';
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buf += decoder.decode(chunk, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          let type = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) type = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length > 0) onEvent(type, JSON.parse(data.join('\n')) as Record<string, unknown>);
        }
      }
    },
  };
}

/**
 * A `--param k=v` value: JSON when it parses (numbers, booleans, arrays), else the string;
 * `paths` and `services` split on commas.
 *
 * @example
 * ```ts
 * parseParam('paths=/a,/b'); // ['paths', ['/a', '/b']]
 * parseParam('top=5'); // ['top', 5]
 * ```
 */
export function parseParam(kv: string): [string, unknown] {
  const i = kv.indexOf('=');
  if (i <= 0) throw new CowrieError('BAD_PARAM', `--param: expected key=value, got "${kv}"`);
  const k = kv.slice(0, i);
  const raw = kv.slice(i + 1);
  let v: unknown = raw;
  try {
    v = JSON.parse(raw);
  } catch {
    v = raw;
  }
  if ((k === 'paths' || k === 'services') && typeof v === 'string') v = v.split(',').map((s) => s.trim()).filter(Boolean);
  return [k, v];
}
