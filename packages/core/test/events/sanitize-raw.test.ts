import { describe, expect, it } from 'vitest';
import { sanitizeRaw } from '../../src/events/sanitize-raw.js';

describe('sanitizeRaw', () => {
  it('returns the same object when nothing needs replacing (valid pairs, control chars, non-ASCII)', () => {
    const clean = {
      eventid: 'cowrie.client.version',
      version: '\u0016\u0003\u0001\\xee\udb31\uddaf',
      nested: { list: ['administrat\u00f6r', 1, null, { deep: 'ok' }] },
    };
    expect(sanitizeRaw(clean)).toBe(clean);
  });

  it('replaces U+0000 and lone surrogates with U+FFFD at any depth, without touching the input', () => {
    const dirty = {
      eventid: 'cowrie.login.failed',
      password: 'a\u0000b',
      list: ['ok', 'x\ud800', { k: '\udc00y' }],
      after: 'kept',
    };
    const out = sanitizeRaw(dirty);
    expect(out).not.toBe(dirty);
    expect(out).toEqual({
      eventid: 'cowrie.login.failed',
      password: 'a\ufffdb',
      list: ['ok', 'x\ufffd', { k: '\ufffdy' }],
      after: 'kept',
    });
    expect(Object.keys(out)).toEqual(['eventid', 'password', 'list', 'after']);
    expect(dirty.password).toBe('a\u0000b');
  });

  it('cleans keys and keeps an own __proto__ key as data', () => {
    const parsed = JSON.parse('{"eventid":"x","__proto__":{"polluted":true},"k\\u0000":"v\\u0000"}') as Record<
      string,
      unknown
    >;
    const out = sanitizeRaw(parsed);
    expect(Object.keys(out)).toEqual(['eventid', '__proto__', 'k\ufffd']);
    expect(out['k\ufffd']).toBe('v\ufffd');
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
