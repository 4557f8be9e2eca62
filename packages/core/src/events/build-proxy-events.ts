/**
 * Builders for proxy-mode events and the retired `cowrie.pool_client`.
 *
 * @module
 */
import { readInt, readString, readPort } from './coerce.js';
import type { BuilderTable } from './event-builder.js';
import { normalizeIp } from './normalize-ip.js';

/** A pool VM id as text: Cowrie passes whatever the pool returned, a string or a number. */
function readVmId(v: unknown): string | null {
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : readString(v);
}

/** Proxy builders, keyed by eventid. */
export const proxyBuilders = {
  'cowrie.proxy.backend_connect_error': (raw, env) => ({
    kind: 'cowrie.proxy.backend_connect_error',
    ...env,
    backendIp: normalizeIp(raw['backend_ip']),
    backendPort: readPort(raw['backend_port']),
    error: readString(raw['error']),
  }),
  'cowrie.proxy.backend_connected': (raw, env) => ({
    kind: 'cowrie.proxy.backend_connected',
    ...env,
    backendIp: normalizeIp(raw['backend_ip']),
    backendPort: readPort(raw['backend_port']),
    localIp: normalizeIp(raw['local_ip']),
    localPort: readPort(raw['local_port']),
  }),
  'cowrie.proxy.backend_disconnected': (raw, env) => ({
    kind: 'cowrie.proxy.backend_disconnected',
    ...env,
    backendIp: normalizeIp(raw['backend_ip']),
    backendPort: readPort(raw['backend_port']),
    localIp: normalizeIp(raw['local_ip']),
    localPort: readPort(raw['local_port']),
  }),
  'cowrie.proxy.client_disconnect': (raw, env) => ({
    kind: 'cowrie.proxy.client_disconnect',
    ...env,
    vmId: readVmId(raw['vm_id']),
    honeyIp: normalizeIp(raw['honey_ip']),
    honeyPort: readPort(raw['honey_port']),
  }),
  'cowrie.proxy.ssh': (raw, env) => ({
    kind: 'cowrie.proxy.ssh',
    ...env,
    direction: readString(raw['direction']),
    packet: readString(raw['packet']),
    payload: readString(raw['payload']),
  }),
  'cowrie.pool_client': (_raw, env) => ({ kind: 'cowrie.pool_client', ...env }),
} satisfies Partial<BuilderTable>;
