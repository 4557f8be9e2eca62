import { describe, expect, it } from 'vitest';
import { normalizeClientVersion } from '../../src/events/normalize-client-version.js';

describe('normalizeClientVersion', () => {
  it('keeps a plain ≤v1.3 / v2.3+ version', () => {
    expect(normalizeClientVersion('SSH-2.0-libssh2_1.8.0')).toEqual({
      raw: 'SSH-2.0-libssh2_1.8.0',
      normalized: 'SSH-2.0-libssh2_1.8.0',
    });
  });

  it("unwraps Python 3 repr(bytes) b'…' and b\"…\" (v1.4–v2.2)", () => {
    expect(normalizeClientVersion("b'SSH-2.0-Go'")).toEqual({ raw: "b'SSH-2.0-Go'", normalized: 'SSH-2.0-Go' });
    expect(normalizeClientVersion('b"SSH-2.0-it\'s"')).toEqual({ raw: 'b"SSH-2.0-it\'s"', normalized: "SSH-2.0-it's" });
  });

  it("unwraps Python 2 repr '…'", () => {
    expect(normalizeClientVersion("'SSH-2.0-PuTTY_Release_0.70'")).toEqual({
      raw: "'SSH-2.0-PuTTY_Release_0.70'",
      normalized: 'SSH-2.0-PuTTY_Release_0.70',
    });
  });

  it('trims surrounding whitespace, outside and inside the wrapper', () => {
    expect(normalizeClientVersion('  SSH-2.0-Go \r\n')).toEqual({ raw: '  SSH-2.0-Go \r\n', normalized: 'SSH-2.0-Go' });
    expect(normalizeClientVersion(" b'SSH-2.0-Go ' ").normalized).toBe('SSH-2.0-Go');
  });

  it('keeps escapes inside the wrapper as written', () => {
    expect(normalizeClientVersion("b'SSH-2.0-\\xff\\x00'").normalized).toBe('SSH-2.0-\\xff\\x00');
    expect(normalizeClientVersion("b'it\\'s'").normalized).toBe("it\\'s");
  });

  it('does not unwrap when the quotes do not delimit one literal', () => {
    expect(normalizeClientVersion("'a' 'b'").normalized).toBe("'a' 'b'");
    expect(normalizeClientVersion("b'abc").normalized).toBe("b'abc");
    expect(normalizeClientVersion("b'abc\\'").normalized).toBe("b'abc\\'");
    expect(normalizeClientVersion("bash'x'").normalized).toBe("bash'x'");
    expect(normalizeClientVersion("'").normalized).toBe("'");
    expect(normalizeClientVersion("SSH-2.0-'quoted'").normalized).toBe("SSH-2.0-'quoted'");
  });

  it('unwraps an empty literal and keeps an empty banner as ""', () => {
    expect(normalizeClientVersion("b''")).toEqual({ raw: "b''", normalized: '' });
    expect(normalizeClientVersion('')).toEqual({ raw: '', normalized: '' });
  });

  it('keeps TLS garbage sent by scanners as written', () => {
    const tls = '\u0016\u0003\u0001\u0000\\xee\u0001';
    expect(normalizeClientVersion(tls).raw).toBe(tls);
  });

  it('gives nulls for non-strings', () => {
    expect(normalizeClientVersion(undefined)).toEqual({ raw: null, normalized: null });
    expect(normalizeClientVersion(['SSH-2.0-Go'])).toEqual({ raw: null, normalized: null });
  });
});
