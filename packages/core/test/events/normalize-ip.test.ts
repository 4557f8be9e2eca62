import { describe, expect, it } from 'vitest';
import { normalizeIp } from '../../src/events/normalize-ip.js';

describe('normalizeIp', () => {
  it('keeps IPv4 as written (trimmed)', () => {
    expect(normalizeIp('203.0.113.5')).toBe('203.0.113.5');
    expect(normalizeIp(' 203.0.113.5 ')).toBe('203.0.113.5');
  });

  it('maps IPv4-mapped IPv6 (telnet, dst_ip) to IPv4, any case', () => {
    expect(normalizeIp('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(normalizeIp('::FFFF:203.0.113.5')).toBe('203.0.113.5');
    expect(normalizeIp('0:0:0:0:0:ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(normalizeIp('[::ffff:203.0.113.5]')).toBe('203.0.113.5');
  });

  it('maps the hex form ::ffff:0102:0304 to IPv4', () => {
    expect(normalizeIp('::ffff:0102:0304')).toBe('1.2.3.4');
    expect(normalizeIp('::ffff:cb00:7105')).toBe('203.0.113.5');
  });

  it('compresses other IPv6 per RFC 5952', () => {
    expect(normalizeIp('2A00:1450:400F:080A:0000:0000:0000:200E')).toBe('2a00:1450:400f:80a::200e');
    expect(normalizeIp('2a00:1450:400f:80a::200e')).toBe('2a00:1450:400f:80a::200e');
    expect(normalizeIp('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(normalizeIp('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(normalizeIp('2001:0:0:1:0:0:0:1')).toBe('2001:0:0:1::1');
    expect(normalizeIp('0:0:0:0:0:0:0:1')).toBe('::1');
    expect(normalizeIp('::')).toBe('::');
    expect(normalizeIp('fe80:0:0:0:0:0:0:0')).toBe('fe80::');
    expect(normalizeIp('::1')).toBe('::1');
  });

  it('writes other embedded-IPv4 forms in hex and keeps zone ids', () => {
    expect(normalizeIp('64:ff9b::192.0.2.33')).toBe('64:ff9b::c000:221');
    expect(normalizeIp('FE80::1%eth0')).toBe('fe80::1%eth0');
  });

  it('keeps hostnames and redacted values as written', () => {
    expect(normalizeIp('login.yahoo.com')).toBe('login.yahoo.com');
    expect(normalizeIp('Azenv.NET')).toBe('Azenv.NET');
    expect(normalizeIp('x.x.x.x')).toBe('x.x.x.x');
    expect(normalizeIp('localhost')).toBe('localhost');
    expect(normalizeIp('host:8080')).toBe('host:8080');
    expect(normalizeIp(' gibberish::: ')).toBe('gibberish:::');
  });

  it('answers repeated IPv6 inputs identically (cached) and survives cache turnover', () => {
    expect(normalizeIp('2001:DB8::1')).toBe('2001:db8::1');
    expect(normalizeIp('2001:DB8::1')).toBe('2001:db8::1');
    for (let i = 0; i < 5000; i++) normalizeIp(`2001:db8::${i.toString(16)}`);
    expect(normalizeIp('2001:DB8::1')).toBe('2001:db8::1');
    expect(normalizeIp('::ffff:198.51.100.1')).toBe('198.51.100.1');
  });

  it('gives null for empty and non-string values', () => {
    expect(normalizeIp('')).toBeNull();
    expect(normalizeIp('   ')).toBeNull();
    expect(normalizeIp(undefined)).toBeNull();
    expect(normalizeIp(3232235777)).toBeNull();
  });
});
