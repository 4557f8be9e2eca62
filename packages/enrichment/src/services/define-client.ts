import type { Dispatcher } from 'undici';
import type { ServiceConfig } from '../config/service-config.js';
import { UnrecoverableError } from '../errors.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../http/backoff.js';
import { CircuitBreaker, DEFAULT_BREAKER_OPTIONS, type CircuitBreakerOptions } from '../http/circuit-breaker.js';
import { fetchWithRetry, type RequestPipeline } from '../http/fetch-with-retry.js';
import { DEFAULT_MAX_BYTES, type HttpRequestSpec, type HttpResponse } from '../http/http-request.js';
import { SingleFlight } from '../http/single-flight.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import type { RawAnswer, ServiceClient, ServiceName, SubjectType } from './types.js';

/** What makes one service different: how to ask, how to read the answer, how to normalise it. */
export interface ServiceDefinition<T> {
  service: ServiceName;
  subjectType: SubjectType;
  cacheKey(subject: string): string;
  request(key: string, config: ServiceConfig): HttpRequestSpec;
  /** Response -> raw answer; throws (`statusError`, `MalformedResponseError`) for anything else. */
  interpret(key: string, res: HttpResponse): RawAnswer;
  normalize(subject: string, answer: RawAnswer): T;
}

/** The seams every client shares: limiter, transport, retry and breaker settings. */
export interface ClientDeps {
  limiter: RateLimiter;
  /** undici dispatcher (an `Agent` with your pool settings, a proxy agent …). */
  dispatcher?: Dispatcher;
  retry?: Partial<RetryPolicy>;
  breaker?: Partial<CircuitBreakerOptions>;
  /** Body size cap per response (default 4 MiB). */
  maxBytes?: number;
  onAttempt?: RequestPipeline['onAttempt'];
  random?: () => number;
}

/** A client plus what tests and status pages want to see of its machinery. */
export interface ServiceClientHandle<T> extends ServiceClient<T> {
  readonly breaker: CircuitBreaker;
}

/**
 * Build a {@link ServiceClient} from a definition: fetches are single-flight per key, pass the
 * circuit breaker, then take a rate-limit token per attempt with retries (see `fetchWithRetry`).
 * A disabled service never sends anything; its `fetch` throws {@link UnrecoverableError}.
 *
 * @example
 * ```ts
 * const client = defineClient(dshieldDefinition, config.dshield, { limiter: createMemoryRateLimiter() });
 * const answer = await client.fetch('203.0.113.5');
 * const info = client.normalize('203.0.113.5', answer);
 * ```
 */
export function defineClient<T>(def: ServiceDefinition<T>, config: ServiceConfig, deps: ClientDeps): ServiceClientHandle<T> {
  const breaker = new CircuitBreaker(def.service, { ...DEFAULT_BREAKER_OPTIONS, ...deps.breaker });
  const flights = new SingleFlight<string, RawAnswer>();
  const pipeline: RequestPipeline = {
    service: def.service,
    limiter: deps.limiter,
    rate: config.rate,
    http: { dispatcher: deps.dispatcher, timeoutMs: config.timeoutMs, maxBytes: deps.maxBytes ?? DEFAULT_MAX_BYTES },
    retry: { ...DEFAULT_RETRY_POLICY, ...deps.retry },
    onAttempt: deps.onAttempt,
    random: deps.random,
  };
  return {
    service: def.service,
    subjectType: def.subjectType,
    enabled: config.enabled,
    ...(config.disabledReason === undefined ? {} : { disabledReason: config.disabledReason }),
    breaker,
    cacheKey: (subject) => def.cacheKey(subject),
    normalize: (subject, answer) => def.normalize(subject, answer),
    async fetch(key, opts = {}) {
      if (!config.enabled) throw new UnrecoverableError(def.service, `disabled: ${config.disabledReason ?? 'not configured'}`);
      return flights.run(key, (signal) => breaker.run(() => fetchWithRetry(pipeline, def.request(key, config), (res) => def.interpret(key, res), signal)), opts.signal);
    },
  };
}
