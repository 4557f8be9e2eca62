import { request, type Dispatcher } from 'undici';
import { MalformedResponseError, ServiceUnavailableError } from '../errors.js';
import type { ServiceName } from '../services/types.js';

/** One HTTP request a service client wants sent. */
export interface HttpRequestSpec {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A fully read response (body as text, bounded by `maxBytes`). */
export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Transport options shared by every request of one client. */
export interface HttpOptions {
  /** undici dispatcher (an `Agent`, a `MockAgent` …); undici's global dispatcher when absent. */
  dispatcher?: Dispatcher;
  /** Deadline for the whole exchange, headers and body together. */
  timeoutMs: number;
  /** Largest body we read; anything larger is a {@link MalformedResponseError}, never buffered whole. */
  maxBytes: number;
}

/** Default body cap: HIBP ranges are ~40 KB, VirusTotal reports with every engine ~100 KB. */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Send one request with undici and read the body under a deadline and a size cap. Transport
 * failures (timeout, refused, reset) become {@link ServiceUnavailableError}; an oversized body a
 * {@link MalformedResponseError}. HTTP status codes are returned, not judged, here.
 *
 * @example
 * ```ts
 * const res = await httpRequest('dshield', { method: 'GET', url: 'https://isc.sans.edu/api/ip/1.2.3.4?json' },
 *   { timeoutMs: 30_000, maxBytes: DEFAULT_MAX_BYTES });
 * ```
 */
export async function httpRequest(service: ServiceName, spec: HttpRequestSpec, opts: HttpOptions, signal?: AbortSignal): Promise<HttpResponse> {
  signal?.throwIfAborted();
  const ctl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort(new Error('timeout'));
  }, opts.timeoutMs);
  const onAbort = () => ctl.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await request(spec.url, {
      method: spec.method,
      headers: spec.headers,
      body: spec.body,
      dispatcher: opts.dispatcher,
      signal: ctl.signal,
    });
    const body = await readCapped(service, res.body, opts.maxBytes);
    return { status: res.statusCode, headers: res.headers, body };
  } catch (err) {
    if (err instanceof MalformedResponseError) throw err;
    // The caller's own abort is not a service failure: rethrow its reason unchanged.
    if (signal?.aborted) throw signal.reason;
    const what = timedOut ? `no complete answer within ${opts.timeoutMs} ms` : `request failed: ${(err as Error).message}`;
    throw new ServiceUnavailableError(service, what, { url: redactUrl(spec.url), timeout: timedOut }, { cause: err });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

async function readCapped(service: ServiceName, body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      // Stop reading at once: a hostile or broken server must not make us buffer gigabytes.
      body.destroy();
      throw new MalformedResponseError(service, `response body larger than ${maxBytes} bytes`, { maxBytes });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Drops query values (DShield's email, any key someone put in a URL) from URLs we put in errors. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : `${url.slice(0, q)}?…`;
}
