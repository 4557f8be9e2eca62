/**
 * Connection lifecycle events: `cowrie.session.connect`, `.closed`, `.params`.
 *
 * @module
 */
import type { EventEnvelope } from './envelope.js';

/**
 * `cowrie.session.connect`: the first event of a session. Its address fields (envelope
 * `srcIp`/`srcPort`/`dstIp`/`dstPort`) are the only trustworthy honeypot address of the
 * session; `dstIp`/`dstPort` are the honeypot's local socket (often private, 2222/2223).
 */
export interface SessionConnectEvent extends EventEnvelope {
  kind: 'cowrie.session.connect';
}

/**
 * `cowrie.session.closed`. Can be missing for a session (rotation, crash, proxy auth failure).
 */
export interface SessionClosedEvent extends EventEnvelope {
  kind: 'cowrie.session.closed';
  /** From `duration_ms` (v3.0.4+) or `duration` seconds (float, or a string in v2.7.0–v3.0.3), rounded. */
  durationMs: number | null;
}

/** `cowrie.session.params` (v1.3.0+): the emulated architecture chosen for the session. */
export interface SessionParamsEvent extends EventEnvelope {
  kind: 'cowrie.session.params';
  /** For example `linux-x64-lsb`. */
  arch: string | null;
}

/** Session lifecycle events. */
export type SessionEvent = SessionConnectEvent | SessionClosedEvent | SessionParamsEvent;
