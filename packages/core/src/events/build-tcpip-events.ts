/**
 * Builders for port-forwarding events, including the era-dependent originator rules
 * described in `tcpip-events.ts`.
 *
 * @module
 */
import { readInt, readString, readPort } from './coerce.js';
import type { BuilderTable } from './event-builder.js';
import { normalizeIp } from './normalize-ip.js';

const REQUEST_PREFIX = 'direct-tcp connection request to ';
const FROM = ' from ';

/** v3.0.6+ events name the claimed originator explicitly. */
function hasOrigFields(raw: Record<string, unknown>): boolean {
  return raw['orig_ip'] !== undefined || raw['orig_port'] !== undefined;
}

/**
 * The originator host a v1/v2 client claimed, recovered from the request's message
 * (`direct-tcp connection request to H:P from OH:OP`), which was formatted before the
 * output layer overwrote `src_ip`. Parsed from the end, and only accepted when the port
 * in the text equals `src_port`, so an odd message yields `null` rather than a wrong host.
 */
function claimedHostFromMessage(message: unknown, claimedPort: number | null): string | null {
  if (typeof message !== 'string' || !message.startsWith(REQUEST_PREFIX)) return null;
  const from = message.lastIndexOf(FROM);
  const colon = message.lastIndexOf(':');
  if (from === -1 || colon < from + FROM.length) return null;
  const port = readPort(message.slice(colon + 1));
  if (port === null || (claimedPort !== null && port !== claimedPort)) return null;
  return normalizeIp(message.slice(from + FROM.length, colon));
}

/** `orig_ip` (HEAD); for v1/v2 requests the claim from the message; otherwise `null`. */
function origIp(raw: Record<string, unknown>, claimInMessage: boolean): string | null {
  if (!claimInMessage || hasOrigFields(raw)) return normalizeIp(raw['orig_ip']);
  return claimedHostFromMessage(raw['message'], readPort(raw['src_port']));
}

/** `orig_port` (HEAD); for v1/v2 request/redirect/tunnel the claimed `src_port`; otherwise `null`. */
function origPort(raw: Record<string, unknown>, claimInSrcPort: boolean): number | null {
  if (!claimInSrcPort || hasOrigFields(raw)) return readPort(raw['orig_port']);
  return readPort(raw['src_port']);
}

/**
 * The forward's target (the event's `dst_*`) and claimed originator. `claimInMessage` /
 * `claimInSrcPort` say whether this event type logged a v1/v2 claim there.
 */
function forward(raw: Record<string, unknown>, env: { dstIp: string | null; dstPort: number | null }, claimInMessage: boolean, claimInSrcPort: boolean) {
  return { targetHost: env.dstIp, targetPort: env.dstPort, origIp: origIp(raw, claimInMessage), origPort: origPort(raw, claimInSrcPort) };
}

/** Port-forwarding builders, keyed by eventid. */
export const tcpipBuilders = {
  'cowrie.direct-tcpip.request': (raw, env) => ({
    kind: 'cowrie.direct-tcpip.request',
    ...env,
    ...forward(raw, env, true, true),
  }),
  // data, ja4 and ja4h never logged a claim before HEAD; at HEAD their src_port is the real peer's.
  'cowrie.direct-tcpip.data': (raw, env) => ({
    kind: 'cowrie.direct-tcpip.data',
    ...env,
    ...forward(raw, env, false, false),
    data: readString(raw['data']),
    id: readInt(raw['id']),
  }),
  'cowrie.direct-tcpip.redirect': (raw, env) => ({
    kind: 'cowrie.direct-tcpip.redirect',
    ...env,
    ...forward(raw, env, false, true),
    newIp: normalizeIp(raw['new_ip']),
    newPort: readPort(raw['new_port']),
  }),
  'cowrie.direct-tcpip.tunnel': (raw, env) => ({
    kind: 'cowrie.direct-tcpip.tunnel',
    ...env,
    ...forward(raw, env, false, true),
    newIp: normalizeIp(raw['new_ip']),
    newPort: readPort(raw['new_port']),
  }),
  'cowrie.direct-tcpip.ja4': (raw, env) => ({
    kind: 'cowrie.direct-tcpip.ja4',
    ...env,
    ...forward(raw, env, false, false),
    ja4: readString(raw['ja4']),
  }),
  'cowrie.direct-tcpip.ja4h': (raw, env) => ({
    kind: 'cowrie.direct-tcpip.ja4h',
    ...env,
    ...forward(raw, env, false, false),
    ja4h: readString(raw['ja4h']),
  }),
  'cowrie.tunnelproxy-tcpip.data': (raw, env) => ({
    kind: 'cowrie.tunnelproxy-tcpip.data',
    ...env,
    data: readString(raw['data']),
  }),
} satisfies Partial<BuilderTable>;
