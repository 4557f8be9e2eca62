import { describe, expect, it } from 'vitest';
import { inferProtocol } from '../../src/events/normalize-protocol.js';
import { v10, v13, v28 } from './fixtures.js';

describe('inferProtocol', () => {
  it('uses the protocol field (v1.3 connect, v2.8.1+ every event), keeping "unknown"', () => {
    expect(inferProtocol(v13.sshConnect)).toBe('ssh');
    expect(inferProtocol({ protocol: 'telnet', dst_port: 2222 })).toBe('telnet');
    expect(inferProtocol(v28.connectUnknownProtocol)).toBe('unknown');
  });

  it('infers from the Twisted system context of 2017 logs', () => {
    expect(inferProtocol(v10.telnetCommandSuccess)).toBe('telnet');
    expect(inferProtocol(v10.sshLoginSuccess)).toBe('ssh');
    expect(inferProtocol({ system: 'cowrie.telnet.transport.HoneyPotTelnetFactory' })).toBe('telnet');
    expect(inferProtocol({ system: 'cowrie.ssh.factory.CowrieSSHFactory' })).toBe('ssh');
  });

  it('falls back to the honeypot port', () => {
    expect(inferProtocol({ dst_port: 23 })).toBe('telnet');
    expect(inferProtocol({ dst_port: 2223 })).toBe('telnet');
    expect(inferProtocol({ dst_port: 22 })).toBe('ssh');
    expect(inferProtocol({ dst_port: '2222' })).toBe('ssh');
    expect(inferProtocol({ system: 'something else', dst_port: 2223 })).toBe('telnet');
  });

  it('ignores unrecognised protocol values and gives null without evidence', () => {
    expect(inferProtocol({ protocol: 'test', dst_port: 22 })).toBe('ssh');
    expect(inferProtocol({ protocol: 'test' })).toBeNull();
    expect(inferProtocol({ dst_port: 80 })).toBeNull();
    expect(inferProtocol({})).toBeNull();
  });
});
