/**
 * AbuseIPDB plugin housekeeping (`cowrie.abuseipdb.*`). These carry no `session`; at HEAD
 * they never reach the output plugins, but older JSON logs can contain them.
 *
 * @module
 */
import type { EventEnvelope } from './envelope.js';

/** `cowrie.abuseipdb.started`. */
export interface AbuseipdbStartedEvent extends EventEnvelope {
  kind: 'cowrie.abuseipdb.started';
}

/** `cowrie.abuseipdb.wakeup`: reporting resumed after a rate-limit pause. */
export interface AbuseipdbWakeupEvent extends EventEnvelope {
  kind: 'cowrie.abuseipdb.wakeup';
}

/** `cowrie.abuseipdb.ratelimited`. */
export interface AbuseipdbRatelimitedEvent extends EventEnvelope {
  kind: 'cowrie.abuseipdb.ratelimited';
  /** Seconds to wait (absent on immediate retries). */
  retryAfter: number | null;
  /** When reporting resumes, as written (`%Y-%m-%dT%H:%M:%SZ`). */
  wakeAt: string | null;
}

/** `cowrie.abuseipdb.reportedip`. */
export interface AbuseipdbReportedipEvent extends EventEnvelope {
  kind: 'cowrie.abuseipdb.reportedip';
  /** From `IP`, normalised like any IP. */
  ip: string | null;
  confidence: number | null;
}

/** `cowrie.abuseipdb.reportfail`. */
export interface AbuseipdbReportfailEvent extends EventEnvelope {
  kind: 'cowrie.abuseipdb.reportfail';
  /** From `IP`. */
  ip: string | null;
  /** HTTP status code (HTTP errors). */
  response: number | null;
  /** HTTP status message (HTTP errors). */
  reason: string | null;
  /** `repr()` of the exception (network errors). */
  exception: string | null;
}

/** AbuseIPDB events. */
export type OperationalEvent =
  | AbuseipdbStartedEvent
  | AbuseipdbWakeupEvent
  | AbuseipdbRatelimitedEvent
  | AbuseipdbReportedipEvent
  | AbuseipdbReportfailEvent;
