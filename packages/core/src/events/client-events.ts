/**
 * What the client told the honeypot about itself: `cowrie.client.*`.
 *
 * @module
 */
import type { EventEnvelope } from './envelope.js';

/**
 * `cowrie.client.version`: the SSH identification string (or whatever a scanner sent instead,
 * such as a TLS ClientHello).
 */
export interface ClientVersionEvent extends EventEnvelope {
  kind: 'cowrie.client.version';
  /** As written: plain (≤v1.3, v2.3+), `b'…'` / `'…'` repr (v1.4–v2.2), `\xNN`-escaped (v3.0.5+). */
  version: string | null;
  /** Trimmed and unwrapped from a whole-string repr: what reports group on. See `normalizeClientVersion`. */
  versionNormalized: string | null;
  /** KEX lists, only in ≤v1.3 logs (moved to `cowrie.client.kex` in v1.4.0). */
  kexAlgs: readonly string[] | null;
  keyAlgs: readonly string[] | null;
  encCS: readonly string[] | null;
  macCS: readonly string[] | null;
  compCS: readonly string[] | null;
}

/** `cowrie.client.kex` (v1.4.0+): the client's KEXINIT. Absent for telnet. */
export interface ClientKexEvent extends EventEnvelope {
  kind: 'cowrie.client.kex';
  /** HASSH (md5 hex of `hasshAlgorithms`), 1.5.1+. */
  hassh: string | null;
  /** `kex;enc;mac;comp`, comma lists, 1.5.1+. */
  hasshAlgorithms: string | null;
  kexAlgs: readonly string[] | null;
  keyAlgs: readonly string[] | null;
  encCS: readonly string[] | null;
  macCS: readonly string[] | null;
  compCS: readonly string[] | null;
  /** Usually `[""]`. */
  langCS: readonly string[] | null;
  /** v1.4.0 only: md5 of the raw KEXINIT, before HASSH existed. */
  clientFingerprint: string | null;
}

/** `cowrie.client.size`: PTY size. */
export interface ClientSizeEvent extends EventEnvelope {
  kind: 'cowrie.client.size';
  width: number | null;
  height: number | null;
}

/** `cowrie.client.var`: an SSH `env` request (at HEAD also Telnet NEW-ENVIRON). */
export interface ClientVarEvent extends EventEnvelope {
  kind: 'cowrie.client.var';
  name: string | null;
  value: string | null;
}

/** `cowrie.client.fingerprint`: a public-key authentication attempt. */
export interface ClientFingerprintEvent extends EventEnvelope {
  kind: 'cowrie.client.fingerprint';
  username: string | null;
  /** MD5 colon-hex (`10:bd:…`). */
  fingerprint: string | null;
  /** OpenSSH public key text (v1.3.0+). */
  key: string | null;
  /** From `type`: `ssh-rsa`, `ssh-ed25519`, … (v1.3.0+). */
  keyType: string | null;
}

/** `cowrie.client.malformed_packet` (v3.0.6+): the connection was dropped. */
export interface ClientMalformedPacketEvent extends EventEnvelope {
  kind: 'cowrie.client.malformed_packet';
  messagenum: number | null;
  datalen: number | null;
  /** Hex of the first 256 bytes. */
  data: string | null;
}

/** Client self-description events. */
export type ClientEvent =
  | ClientVersionEvent
  | ClientKexEvent
  | ClientSizeEvent
  | ClientVarEvent
  | ClientFingerprintEvent
  | ClientMalformedPacketEvent;
