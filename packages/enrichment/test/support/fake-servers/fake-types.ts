import type { ServiceName } from '../../../src/services/types.js';

/** One request as the fake received it. */
export interface RecordedRequest {
  service: ServiceName;
  method: string;
  /** Path with query string, e.g. `/api/ip/1.2.3.4?email=a%40b&json`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** `Date.now()` when the request arrived. */
  at: number;
}

/** What a handler answers. */
export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/**
 * A fault injected for the next `times` requests of one service (default: until cleared).
 * - `rate-limit`: 429 with `Retry-After` (seconds or HTTP-date) when given.
 * - `server-error`: a 5xx (default 503) with an optional `Retry-After`.
 * - `slow`: the normal answer after `delayMs`.
 * - `hang`: never answers (the client's timeout must fire).
 * - `malformed`: HTTP 200 with a body that is not valid JSON (HIBP: not `SUFFIX:COUNT`).
 * - `huge`: HTTP 200 streaming `bytes` bytes (stops early when the client hangs up).
 * - `status`: any status/body/headers you like.
 */
export type Fault = { times?: number } & (
  | { kind: 'rate-limit'; retryAfter?: string }
  | { kind: 'server-error'; status?: number; retryAfter?: string }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'hang' }
  | { kind: 'malformed' }
  | { kind: 'huge'; bytes: number }
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
);

/** Content the fakes know, on top of their defaults (see `fake-fixtures.ts`). */
export interface FakeData {
  /** IP -> ISC `ip` object (the fake wraps it in `{"ip": …}`). */
  dshield?: Record<string, Record<string, unknown>>;
  /** sha256 -> `data.attributes`. */
  virustotal?: Record<string, Record<string, unknown>>;
  /** host -> URL list (`urls[]` entries); hosts not listed answer `no_results`. */
  urlhaus?: Record<string, Array<Record<string, unknown>>>;
  /** IP -> full v2 context object; others get a sparse object. */
  spur?: Record<string, Record<string, unknown>>;
  /** Password -> breach count (the fake puts its SHA-1 suffix into the right range). */
  hibp?: Record<string, number>;
}

/** Options of `startFakeServices`. */
export interface FakeServicesOptions {
  data?: FakeData;
  /** Keys the fakes accept (defaults in `FAKE_KEYS`). */
  keys?: Partial<Record<'virustotal' | 'urlhaus' | 'spur', string>>;
}
