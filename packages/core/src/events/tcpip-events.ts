/**
 * SSH port forwarding (`cowrie.direct-tcpip.*`) and `cowrie.tunnelproxy-tcpip.data`.
 *
 * **Meaning clash across eras.** In v1/v2 the claimed originator of a forward was logged as
 * `src_ip`/`src_port`, and the output layer then overwrote `src_ip` with the real peer, so
 * only `src_port` (and the message text) kept the claim. At HEAD (v3.0.6+) the claim is in
 * `orig_ip`/`orig_port`, `src_*` is the real connection, and `dst_ip`/`dst_port` are the
 * forward target. The typed fields below give one meaning in every era:
 * `targetHost`/`targetPort` = where the client asked to connect, `origIp`/`origPort` = the
 * originator it claimed. Envelope `src*`/`dst*` stay as written.
 *
 * @module
 */
import type { EventEnvelope } from './envelope.js';

/** The forward target and claimed originator, normalised across eras. */
export interface TcpipForwardFields {
  /** The event's `dst_ip`: an IP, a hostname (`ya.ru`) or an IPv6 literal (normalised like any IP). */
  targetHost: string | null;
  /** The event's `dst_port`. */
  targetPort: number | null;
  /**
   * The claimed originator address: `orig_ip` at HEAD; in v1/v2 (on `request` only)
   * recovered from the message text `… from <host>:<port>`, since the `src_ip` field was
   * overwritten; often `127.0.0.1`, `localhost`, `::1`, `0.0.0.0` or empty (→ `null`).
   */
  origIp: string | null;
  /** The claimed originator port: `orig_port` at HEAD, else v1/v2 `src_port` (often 0). */
  origPort: number | null;
}

/** `cowrie.direct-tcpip.request`: a port-forward request (spam and proxy abuse; very frequent). */
export interface DirectTcpipRequestEvent extends EventEnvelope, TcpipForwardFields {
  kind: 'cowrie.direct-tcpip.request';
}

/** `cowrie.direct-tcpip.data`: data the client tried to send through a forward (discarded). */
export interface DirectTcpipDataEvent extends EventEnvelope, TcpipForwardFields {
  kind: 'cowrie.direct-tcpip.data';
  /** Python `repr(bytes)` text as written (`"b'GET / HTTP/1.1\\r\\n…'"`), not the payload bytes. */
  data: string | null;
  /** Channel id (v2+). */
  id: number | null;
}

/** `cowrie.direct-tcpip.redirect`: a forward redirected by `forward_redirect` config. */
export interface DirectTcpipRedirectEvent extends EventEnvelope, TcpipForwardFields {
  kind: 'cowrie.direct-tcpip.redirect';
  newIp: string | null;
  newPort: number | null;
}

/** `cowrie.direct-tcpip.tunnel`: a forward tunnelled by `forward_tunnel` config. */
export interface DirectTcpipTunnelEvent extends EventEnvelope, TcpipForwardFields {
  kind: 'cowrie.direct-tcpip.tunnel';
  newIp: string | null;
  newPort: number | null;
}

/** `cowrie.direct-tcpip.ja4` (v2.9.0+): JA4 TLS fingerprint of forwarded traffic. */
export interface DirectTcpipJa4Event extends EventEnvelope, TcpipForwardFields {
  kind: 'cowrie.direct-tcpip.ja4';
  ja4: string | null;
}

/** `cowrie.direct-tcpip.ja4h` (v2.9.0+): JA4H HTTP fingerprint of forwarded traffic. */
export interface DirectTcpipJa4hEvent extends EventEnvelope, TcpipForwardFields {
  kind: 'cowrie.direct-tcpip.ja4h';
  ja4h: string | null;
}

/** `cowrie.tunnelproxy-tcpip.data` (v1.3.0+). */
export interface TunnelproxyTcpipDataEvent extends EventEnvelope {
  kind: 'cowrie.tunnelproxy-tcpip.data';
  /** `repr()` text as written. */
  data: string | null;
}

/** Port-forwarding events. */
export type TcpipEvent =
  | DirectTcpipRequestEvent
  | DirectTcpipDataEvent
  | DirectTcpipRedirectEvent
  | DirectTcpipTunnelEvent
  | DirectTcpipJa4Event
  | DirectTcpipJa4hEvent
  | TunnelproxyTcpipDataEvent;
