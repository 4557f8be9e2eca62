/**
 * Type-level test: `switch (ev.kind)` narrows every case (each case reads a field only that
 * kind has) and `assertNever` in `default` fails to compile if a kind is left out. tsc
 * compiles this file (the package tsconfig includes `test`); vitest runs it on one sample
 * per kind.
 */
import { describe, expect, it } from 'vitest';
import { type CowrieEvent, type EventKind, assertNever, parseEvent } from '../../src/events/index.js';
import { SAMPLES } from './fixtures-by-kind.js';

/** One distinguishing value per kind; compiling proves narrowing, returning proves the runtime kind. */
function distinguishing(ev: CowrieEvent): string {
  switch (ev.kind) {
    case 'cowrie.abuseipdb.ratelimited':
      return `${ev.retryAfter}`;
    case 'cowrie.abuseipdb.reportedip':
      return `${ev.ip}/${ev.confidence}`;
    case 'cowrie.abuseipdb.reportfail':
      return `${ev.ip}/${ev.response}/${ev.reason}/${ev.exception}`;
    case 'cowrie.abuseipdb.started':
    case 'cowrie.abuseipdb.wakeup':
    case 'cowrie.greynoise.result':
    case 'cowrie.pool_client':
    case 'cowrie.session.connect':
    case 'cowrie.threatjammer.*':
    case 'cowrie.backend_pool.*':
    case 'unknown':
      return ev.eventid;
    case 'cowrie.client.fingerprint':
      return `${ev.fingerprint}/${ev.keyType}`;
    case 'cowrie.client.kex':
      return `${ev.hassh}/${ev.langCS?.length}`;
    case 'cowrie.client.malformed_packet':
      return `${ev.messagenum}/${ev.datalen}`;
    case 'cowrie.client.size':
      return `${ev.width}x${ev.height}`;
    case 'cowrie.client.var':
      return `${ev.name}=${ev.value}`;
    case 'cowrie.client.version':
      return `${ev.versionNormalized}`;
    case 'cowrie.command.chpasswd':
      return `${ev.realm}/${ev.username}`;
    case 'cowrie.command.failed':
    case 'cowrie.command.input':
    case 'cowrie.command.success':
    case 'cowrie.session.input':
      return `${ev.input}`;
    case 'cowrie.direct-tcpip.data':
      return `${ev.data}/${ev.id}`;
    case 'cowrie.direct-tcpip.ja4':
      return `${ev.ja4}`;
    case 'cowrie.direct-tcpip.ja4h':
      return `${ev.ja4h}`;
    case 'cowrie.direct-tcpip.redirect':
    case 'cowrie.direct-tcpip.tunnel':
      return `${ev.newIp}:${ev.newPort}`;
    case 'cowrie.direct-tcpip.request':
      return `${ev.targetHost}:${ev.targetPort} from ${ev.origIp}:${ev.origPort}`;
    case 'cowrie.tunnelproxy-tcpip.data':
      return `${ev.data}`;
    case 'cowrie.log.closed':
      return `${ev.size}/${ev.durationMs}`;
    case 'cowrie.log.open':
      return `${ev.ttylog}`;
    case 'cowrie.login.failed':
    case 'cowrie.login.success':
      return `${ev.username}/${ev.password}`;
    case 'cowrie.proxy.backend_connect_error':
      return `${ev.backendIp}/${ev.error}`;
    case 'cowrie.proxy.backend_connected':
    case 'cowrie.proxy.backend_disconnected':
      return `${ev.localIp}:${ev.localPort}`;
    case 'cowrie.proxy.client_disconnect':
      return `${ev.vmId}`;
    case 'cowrie.proxy.ssh':
      return `${ev.direction}`;
    case 'cowrie.reversedns.connect':
    case 'cowrie.reversedns.forward':
      return `${ev.ptr}/${ev.ttl}`;
    case 'cowrie.session.closed':
      return `${ev.durationMs}`;
    case 'cowrie.session.file_download':
      return `${ev.url}/${ev.duplicate}`;
    case 'cowrie.session.file_download.failed':
      return `${ev.error}`;
    case 'cowrie.session.file_upload':
      return `${ev.filename}`;
    case 'cowrie.session.params':
      return `${ev.arch}`;
    case 'cowrie.telnet.error':
      return `${ev.error}`;
    case 'cowrie.telnet.exploit_attempt':
      return `${ev.cve}/${ev.name}`;
    case 'cowrie.telnet.exploit_success':
      return `${ev.originalUsername}/${ev.attemptedCommand}`;
    case 'cowrie.telnet.option':
      return `${ev.command}/${ev.optionName}/${ev.optionByte}`;
    case 'cowrie.urlhaus.submitted':
      return `${ev.result}/${ev.httpStatus}`;
    case 'cowrie.virustotal.scanfile':
      return `${ev.sha256}/${ev.isNew}`;
    case 'cowrie.virustotal.scanurl':
      return `${ev.url}/${ev.isNew}`;
    default:
      return assertNever(ev);
  }
}

// @ts-expect-error: a switch that forgets a kind leaves `ev` non-never, so assertNever rejects it.
const incomplete = (ev: CowrieEvent): string => (ev.kind === 'unknown' ? 'u' : assertNever(ev));

describe('CowrieEvent discriminated union', () => {
  const kinds = Object.keys(SAMPLES) as EventKind[];

  it('has a sample for 52 kinds: 48 current, 1 retired id, 2 retired families, unknown', () => {
    expect(kinds).toHaveLength(52);
  });

  it.each(kinds)('%s parses to its own kind and every case yields a value', (kind) => {
    const ev = parseEvent(SAMPLES[kind]);
    expect(ev.kind).toBe(kind);
    expect(distinguishing(ev)).not.toMatch(/undefined/);
  });

  it('assertNever throws on a kind the types did not foresee', () => {
    const forged = { ...parseEvent(SAMPLES.unknown), kind: 'cowrie.future' } as unknown as CowrieEvent;
    expect(() => distinguishing(forged)).toThrow(/cowrie\.future/);
    expect(typeof incomplete).toBe('function');
  });
});
