/**
 * The transport protocol of an event's session.
 *
 * Cowrie logged `protocol` on `session.connect` from v1.3.0 and on every event from v2.8.1.
 * Older logs (all 2017 data) only reveal it through Twisted's `system` context
 * (`HoneyPotSSHTransport,…` / `CowrieTelnetTransport,…`, removed in v1.4.0) or the port.
 *
 * @module
 */
import type { Protocol } from './envelope.js';
import { readInt } from './coerce.js';

/**
 * Infers the protocol of an event:
 * 1. a `protocol` field of `ssh`, `telnet` or `unknown` (v2.8.1–3.0.5 can write `unknown`);
 * 2. else `system` containing `Telnet` → telnet, `SSH` → ssh;
 * 3. else `dst_port` 23/2223 → telnet, 22/2222 → ssh (Cowrie's defaults and their NAT targets);
 * 4. else `null`.
 *
 * Other `protocol` values (Cowrie's tests use `"test"`) fall through to the inference.
 * Rule 3 is only sound on `session.connect` and pre-v3.0.6 session events: on v3.0.6+
 * direct-tcpip events `dst_port` is the forward target, but those eras always carry rule 1.
 *
 * @example
 * inferProtocol({ protocol: 'telnet' }); // 'telnet'
 * inferProtocol({ system: 'CowrieTelnetTransport,4,201.173.72.219' }); // 'telnet'
 * inferProtocol({ dst_port: 2222 }); // 'ssh'
 * inferProtocol({}); // null
 */
export function inferProtocol(raw: Record<string, unknown>): Protocol | null {
  const p = raw['protocol'];
  if (p === 'ssh' || p === 'telnet' || p === 'unknown') return p;
  const system = raw['system'];
  if (typeof system === 'string') {
    // Substring tests, not a parse: the context's shape varies (`…Transport,N,ip`, factory class paths, `SSHService … on …`).
    if (system.includes('Telnet')) return 'telnet';
    if (system.includes('SSH')) return 'ssh';
  }
  const port = readInt(raw['dst_port']);
  if (port === 23 || port === 2223) return 'telnet';
  if (port === 22 || port === 2222) return 'ssh';
  return null;
}
