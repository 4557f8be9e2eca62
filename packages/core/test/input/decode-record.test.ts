import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash, decodeRecord, type DecodedRecord, type RawRecord } from '../../src/input/index.js';

function raw(bytes: Buffer | string, extra: Partial<RawRecord> = {}): RawRecord {
  const b = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return { line: 1, offset: 0, end: b.length + 1, bytes: b, lineCount: 1, tooLarge: false, length: b.length, unterminated: false, splitFromLine: false, ...extra };
}

function ok(d: DecodedRecord): { value: Record<string, unknown>; altered: boolean } {
  if (!d.ok) throw new Error(`expected ok, got ${d.reason}: ${d.message}`);
  return d;
}

const sha = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

describe('decodeRecord', () => {
  it('parses a clean event without altering it', () => {
    const TEXT = '{"eventid":"cowrie.session.connect","src_ip":"198.51.100.7","n":[1,{"a":null}]}';
    const d = ok(decodeRecord(raw(TEXT)));
    // `text` is the original JSON text, which the loader stores as the payload when nothing changed.
    expect(d).toEqual({ ok: true, value: { eventid: 'cowrie.session.connect', src_ip: '198.51.100.7', n: [1, { a: null }] }, altered: false, text: TEXT });
  });

  it('keeps valid non-ASCII (raw UTF-8 and escapes) and valid surrogate pairs unaltered', () => {
    const d = ok(decodeRecord(raw('{"eventid":"x","u":"administratör","e":"\\u00f6","p":"\\ud83d\\ude00","lit":"\\\\u0000"}')));
    expect(d.altered).toBe(false);
    expect(d.value).toEqual({ eventid: 'x', u: 'administratör', e: 'ö', p: '😀', lit: '\\u0000' });
  });

  it('replaces invalid UTF-8 with U+FFFD and reports altered', () => {
    const bytes = Buffer.concat([Buffer.from('{"eventid":"x","u":"a'), Buffer.from([0xff, 0xc3]), Buffer.from('b"}')]);
    const d = ok(decodeRecord(raw(bytes)));
    expect(d.altered).toBe(true);
    expect(d.value['u']).toBe('a\uFFFD\uFFFDb');
  });

  it('replaces \\u0000 in values and keys, recursively, keeping key order', () => {
    const d = ok(decodeRecord(raw('{"eventid":"x","k\\u0000":"v\\u0000","arr":["\\u0000",{"n":"a\\u0000b"}],"z":1}')));
    expect(d.altered).toBe(true);
    expect(d.value).toEqual({ eventid: 'x', 'k\uFFFD': 'v\uFFFD', arr: ['\uFFFD', { n: 'a\uFFFDb' }], z: 1 });
    expect(Object.keys(d.value)).toEqual(['eventid', 'k\uFFFD', 'arr', 'z']);
  });

  it('replaces lone surrogates (high and low) with U+FFFD', () => {
    const d = ok(decodeRecord(raw('{"eventid":"x","s":"a\\ud800b","t":"\\udc00","\\udbff":"\\ud83d\\ude00"}')));
    expect(d.altered).toBe(true);
    expect(d.value).toEqual({ eventid: 'x', s: 'a\uFFFDb', t: '\uFFFD', '\uFFFD': '😀' });
  });

  it('dead-letters a raw NUL inside a string as invalid JSON (JSON forbids raw control characters)', () => {
    const bytes = Buffer.concat([Buffer.from('{"eventid":"x","s":"a'), Buffer.from([0]), Buffer.from('b"}')]);
    const d = decodeRecord(raw(bytes));
    expect(d).toMatchObject({ ok: false, reason: 'invalid_json' });
  });

  it('keeps a "__proto__" key as a plain property while sanitising', () => {
    const d = ok(decodeRecord(raw('{"eventid":"x","__proto__":{"a":"\\u0000"},"k\\u0000":1}')));
    expect(Object.getPrototypeOf(d.value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(d.value, '__proto__')?.value).toEqual({ a: '\uFFFD' });
    expect(Object.keys(d.value)).toEqual(['eventid', '__proto__', 'k\uFFFD']);
  });

  it('sanitises deeply nested values without overflowing the stack', () => {
    const depth = 50_000;
    const d = ok(decodeRecord(raw(`{"eventid":"x","d":${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}}`)));
    expect(d.altered).toBe(true);
    let v: unknown = d.value['d'];
    for (let i = 0; i < depth; i++) v = (v as unknown[])[0];
    expect(v).toBe('\uFFFD');
  });

  it('reports invalid JSON with the parser message, or truncated for an unterminated record', () => {
    const text = '{"eventid":"x",}';
    let jsError = '';
    try {
      JSON.parse(text);
    } catch (e) {
      jsError = (e as Error).message;
    }
    const d = decodeRecord(raw(text));
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.reason).toBe('invalid_json');
      expect(d.message).toContain(jsError);
    }
    expect(decodeRecord(raw('{"eventid":"x","a', { unterminated: true }))).toMatchObject({ ok: false, reason: 'truncated' });
    expect(ok(decodeRecord(raw('{"eventid":"x"}', { unterminated: true }))).value).toEqual({ eventid: 'x' });
  });

  it('rejects JSON that is not an object', () => {
    for (const text of ['[1,2]', 'null', '3', '"s"', 'true']) {
      expect(decodeRecord(raw(text)), text).toMatchObject({ ok: false, reason: 'not_object' });
    }
  });

  it('rejects objects without a string eventid, naming the field', () => {
    expect(decodeRecord(raw('{"session":"abc"}'))).toEqual({ ok: false, reason: 'missing_eventid', message: 'missing eventid', field: 'eventid' });
    expect(decodeRecord(raw('{"eventid":5}'))).toMatchObject({ ok: false, reason: 'missing_eventid', field: 'eventid', message: expect.stringContaining('number') });
    expect(decodeRecord(raw('{"eventid":null}'))).toMatchObject({ ok: false, reason: 'missing_eventid' });
  });

  it('rejects too-large records without parsing them', () => {
    const d = decodeRecord(raw('{"eventid":"x"', { tooLarge: true, length: 5000 }));
    expect(d).toMatchObject({ ok: false, reason: 'too_large', message: expect.stringContaining('5000') });
  });
});

describe('contentHash', () => {
  it('is the first 128 bits of the SHA-256 of the bytes with surrounding ASCII whitespace trimmed', () => {
    const h = contentHash(raw('{"eventid":"x"}')).toString('hex');
    expect(h).toBe(sha('{"eventid":"x"}').slice(0, 32));
    expect(contentHash(raw(' \t{"eventid":"x"}\r\n ')).toString('hex')).toBe(h);
    expect(contentHash(raw('{"eventid": "x"}')).toString('hex')).not.toBe(h);
  });

  it('hashes a too-large record as prefix ":" length', () => {
    const prefix = '{"eventid":"x","pad":"aaaa';
    expect(contentHash(raw(prefix, { tooLarge: true, length: 9000 })).toString('hex')).toBe(sha(`${prefix}:9000`).slice(0, 32));
    expect(contentHash(raw(prefix, { tooLarge: true, length: 9001 })).equals(contentHash(raw(prefix, { tooLarge: true, length: 9000 })))).toBe(false);
  });
});
