/**
 * Proxy-mode events (`[proxy]`): `cowrie.proxy.*`, and the retired `cowrie.pool_client`
 * and `cowrie.backend_pool.*`.
 *
 * @module
 */
import type { EventEnvelope } from './envelope.js';

/** `cowrie.proxy.backend_connect_error` (v2.9.3+). */
export interface ProxyBackendConnectErrorEvent extends EventEnvelope {
  kind: 'cowrie.proxy.backend_connect_error';
  backendIp: string | null;
  backendPort: number | null;
  error: string | null;
}

/** Backend and local socket of a proxied connection. */
export interface ProxyBackendFields {
  backendIp: string | null;
  backendPort: number | null;
  localIp: string | null;
  localPort: number | null;
}

/** `cowrie.proxy.backend_connected` (v2.9.3+). */
export interface ProxyBackendConnectedEvent extends EventEnvelope, ProxyBackendFields {
  kind: 'cowrie.proxy.backend_connected';
}

/** `cowrie.proxy.backend_disconnected` (v2.9.3+). */
export interface ProxyBackendDisconnectedEvent extends EventEnvelope, ProxyBackendFields {
  kind: 'cowrie.proxy.backend_disconnected';
}

/** `cowrie.proxy.client_disconnect` (v2.0+). */
export interface ProxyClientDisconnectEvent extends EventEnvelope {
  kind: 'cowrie.proxy.client_disconnect';
  /** Backend pool VM, when pooled. */
  vmId: string | null;
  honeyIp: string | null;
  honeyPort: number | null;
}

/** `cowrie.proxy.ssh`: per-packet trace (only when enabled). */
export interface ProxySshEvent extends EventEnvelope {
  kind: 'cowrie.proxy.ssh';
  direction: string | null;
  /** Packet type name, space-padded to 37 characters as written. */
  packet: string | null;
  /** `repr()` text as written. */
  payload: string | null;
}

/** `cowrie.pool_client` (retired; v2.0–v3.0.5): message only. */
export interface PoolClientEvent extends EventEnvelope {
  kind: 'cowrie.pool_client';
}

/** Any retired `cowrie.backend_pool.*` diagnostic (never normally in JSON); the real id is in `eventid`. */
export interface BackendPoolEvent extends EventEnvelope {
  kind: 'cowrie.backend_pool.*';
}

/** Proxy-mode events. */
export type ProxyEvent =
  | ProxyBackendConnectErrorEvent
  | ProxyBackendConnectedEvent
  | ProxyBackendDisconnectedEvent
  | ProxyClientDisconnectEvent
  | ProxySshEvent
  | PoolClientEvent
  | BackendPoolEvent;
