/**
 * Authentication attempts: `cowrie.login.success` / `cowrie.login.failed`.
 *
 * @module
 */
import type { EventEnvelope } from './envelope.js';

/** Fields shared by both login outcomes. Values are attacker-controlled and kept as written. */
export interface LoginFields {
  username: string | null;
  /** `null` when absent: public-key attempts and `auth_none` at HEAD carry no password. */
  password: string | null;
  /** HEAD public-key attempts: MD5 colon-hex fingerprint. */
  fingerprint: string | null;
  /** HEAD public-key attempts: OpenSSH public key text. */
  key: string | null;
  /** HEAD public-key attempts: from `type` (`ssh-rsa`, …). */
  keyType: string | null;
}

/** `cowrie.login.success` (SSH password / keyboard-interactive / pubkey / none, and telnet). */
export interface LoginSuccessEvent extends EventEnvelope, LoginFields {
  kind: 'cowrie.login.success';
}

/** `cowrie.login.failed`. */
export interface LoginFailedEvent extends EventEnvelope, LoginFields {
  kind: 'cowrie.login.failed';
}

/** Authentication events. */
export type AuthEvent = LoginSuccessEvent | LoginFailedEvent;
