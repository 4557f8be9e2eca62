/**
 * Telnet negotiation and exploit detection events (v2.9.8+; `telnet.error` v3.0.5+).
 *
 * @module
 */
import type { EventEnvelope } from './envelope.js';

/** `cowrie.telnet.option`: one option negotiation. */
export interface TelnetOptionEvent extends EventEnvelope {
  kind: 'cowrie.telnet.option';
  /** `WILL`, `WONT`, `DO` or `DONT`. */
  command: string | null;
  optionName: string | null;
  optionByte: number | null;
}

/** `cowrie.telnet.exploit_attempt` (CVE-2026-24061 NEW-ENVIRON `USER`). */
export interface TelnetExploitAttemptEvent extends EventEnvelope {
  kind: 'cowrie.telnet.exploit_attempt';
  cve: string | null;
  name: string | null;
  value: string | null;
}

/** `cowrie.telnet.exploit_success`. */
export interface TelnetExploitSuccessEvent extends EventEnvelope {
  kind: 'cowrie.telnet.exploit_success';
  cve: string | null;
  username: string | null;
  originalUsername: string | null;
  attemptedCommand: string | null;
}

/** `cowrie.telnet.error`. */
export interface TelnetErrorEvent extends EventEnvelope {
  kind: 'cowrie.telnet.error';
  error: string | null;
}

/** Telnet events. */
export type TelnetEvent = TelnetOptionEvent | TelnetExploitAttemptEvent | TelnetExploitSuccessEvent | TelnetErrorEvent;
