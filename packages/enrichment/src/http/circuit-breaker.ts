import { CircuitOpenError, EnrichmentError } from '../errors.js';
import type { ServiceName } from '../services/types.js';

/** When a breaker opens and how long it stays open. */
export interface CircuitBreakerOptions {
  /** Consecutive failed fetches (after their retries) that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial request is let through (half-open). */
  cooldownMs: number;
  /** Clock, injectable for tests. */
  now?: () => number;
}

/** Defaults: open after 5 failed fetches in a row, try again after 60 s. */
export const DEFAULT_BREAKER_OPTIONS: CircuitBreakerOptions = { failureThreshold: 5, cooldownMs: 60_000 };

/** `closed` (normal), `open` (failing fast), `half-open` (one trial request in flight or allowed). */
export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * A per-service circuit breaker: after `failureThreshold` consecutive failures every call fails
 * fast with {@link CircuitOpenError} for `cooldownMs`; then one trial call decides whether it
 * closes again or stays open for another cooldown. A service that is down costs one request per
 * cooldown instead of retries for every IP in a refresh.
 *
 * @example
 * ```ts
 * const breaker = new CircuitBreaker('dshield', DEFAULT_BREAKER_OPTIONS);
 * const body = await breaker.run(() => fetchSomething());
 * ```
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(readonly service: ServiceName, private readonly opts: CircuitBreakerOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Current state (half-open once the cooldown has passed). */
  get state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.opts.cooldownMs ? 'half-open' : 'open';
  }

  /** Run `fn` through the breaker; only {@link EnrichmentError}s count as service failures. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.trialInFlight)) {
      throw new CircuitOpenError(this.service, (this.openedAt ?? this.now()) + this.opts.cooldownMs);
    }
    const trial = state === 'half-open';
    if (trial) this.trialInFlight = true;
    try {
      const out = await fn();
      this.failures = 0;
      this.openedAt = null;
      return out;
    } catch (err) {
      // A caller's abort or a quota we enforce ourselves says nothing about the service's health.
      if (err instanceof EnrichmentError && err.code !== 'ENRICHMENT_QUOTA_EXHAUSTED') this.recordFailure(trial);
      throw err;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  private recordFailure(trial: boolean): void {
    this.failures += 1;
    if (trial || this.failures >= this.opts.failureThreshold) this.openedAt = this.now();
  }
}
