import { describe, expect, it } from 'vitest';
import { readRecords } from '../../src/input/index.js';
import { chunked, collect, fromChunks, prng, read, type Rec } from './helpers.js';

const u = (s: string): Buffer => Buffer.from(s, 'utf8');
const latin = (s: string): string => u(s).toString('latin1');

function rec(p: Partial<Rec> & Pick<Rec, 'text' | 'line' | 'offset'>): Rec {
  const length = p.length ?? Buffer.from(p.text, 'latin1').length;
  return { lineCount: 1, length, tooLarge: false, unterminated: false, splitFromLine: false, ...p };
}

describe('readRecords: NDJSON lines', () => {
  it('yields one record per line with 1-based line numbers and byte offsets', async () => {
    expect(await read('{"a":1}\n{"b":2}\n')).toEqual([rec({ text: '{"a":1}', line: 1, offset: 0 }), rec({ text: '{"b":2}', line: 2, offset: 8 })]);
  });

  it('strips CR of CRLF and skips blank lines while still counting them', async () => {
    expect(await read('{"a":1}\r\n\r\n  \t \n{"b":2}\r\n\n')).toEqual([
      rec({ text: '{"a":1}', line: 1, offset: 0 }),
      rec({ text: '{"b":2}', line: 4, offset: 16 }),
    ]);
  });

  it('strips a BOM at the start only; the first offset is 3', async () => {
    const got = await read('\uFEFF{"a":1}\n\uFEFF{"b":2}\n');
    expect(got[0]).toEqual(rec({ text: '{"a":1}', line: 1, offset: 3 }));
    expect(got[1]!.offset).toBe(11);
    expect(Buffer.from(got[1]!.text, 'latin1').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('marks a last line without newline as unterminated (also with a dangling CR)', async () => {
    expect(await read('{"a":1}\n{"b":')).toEqual([rec({ text: '{"a":1}', line: 1, offset: 0 }), rec({ text: '{"b":', line: 2, offset: 8, unterminated: true })]);
    expect(await read('{"a":1}\r')).toEqual([rec({ text: '{"a":1}', line: 1, offset: 0, unterminated: true })]);
  });

  it('yields nothing for empty or whitespace-only input', async () => {
    expect(await read('')).toEqual([]);
    expect(await read('  \n\r\n\t')).toEqual([]);
  });

  it('keeps surrounding whitespace in the record bytes', async () => {
    expect(await read('  {"a":1} \n')).toEqual([rec({ text: '  {"a":1} ', line: 1, offset: 0 })]);
  });

  it('passes invalid UTF-8 and NUL bytes through untouched', async () => {
    const buf = Buffer.concat([u('{"a":"'), Buffer.from([0xff, 0x00, 0xc3]), u('"}\n')]);
    const got = await read(buf);
    expect(Buffer.from(got[0]!.text, 'latin1')).toEqual(buf.subarray(0, buf.length - 1));
  });
});

describe('readRecords: pretty-printed objects', () => {
  const obj = {
    eventid: 'cowrie.session.connect',
    s: 'a}{"b\\ { [ ] }',
    nested: { arr: [1, { x: ']' }, [], {}], deeper: { y: [{ z: '}' }] } },
    list: ['{', '}'],
  };

  for (const indent of [2, 4]) {
    it(`joins a ${indent}-space pretty-printed object into one record`, async () => {
      const pretty = JSON.stringify(obj, null, indent);
      const lines = pretty.split('\n').length;
      const input = `{"eventid":"first"}\n${pretty}\n{"eventid":"after"}\n`;
      const got = await read(input);
      expect(got).toEqual([
        rec({ text: '{"eventid":"first"}', line: 1, offset: 0 }),
        rec({ text: pretty, line: 2, offset: 20, lineCount: lines }),
        rec({ text: '{"eventid":"after"}', line: 2 + lines, offset: 21 + pretty.length }),
      ]);
      expect(JSON.parse(got[1]!.text)).toEqual(obj);
    });
  }

  it('normalises CRLF inside a pretty-printed object to LF', async () => {
    const pretty = JSON.stringify(obj, null, 4);
    const got = await read(pretty.replaceAll('\n', '\r\n') + '\r\n');
    expect(got).toEqual([rec({ text: pretty, line: 1, offset: 0, lineCount: pretty.split('\n').length })]);
  });

  it('counts a pretty-printed object still open at the end as unterminated', async () => {
    expect(await read('{\n  "eventid": "x",\n')).toEqual([rec({ text: '{\n  "eventid": "x",', line: 1, offset: 0, lineCount: 2, unterminated: true })]);
    expect(await read('{\n  "eventid": "x"\n}')).toEqual([rec({ text: '{\n  "eventid": "x"\n}', line: 1, offset: 0, lineCount: 3, unterminated: true })]);
  });

  it('ends a block at a compact record line, so a stray "{" never swallows the file', async () => {
    const input = '{"eventid":"a"}\n{\n  {"eventid":"b"}\n{"eventid":"c"}\n';
    expect(await read(input)).toEqual([
      rec({ text: '{"eventid":"a"}', line: 1, offset: 0 }),
      rec({ text: '{', line: 2, offset: 16 }),
      rec({ text: '  {"eventid":"b"}', line: 3, offset: 18 }),
      rec({ text: '{"eventid":"c"}', line: 4, offset: 36 }),
    ]);
    expect(await read('{\ngarbage\n{"eventid":"b"}\n')).toEqual([
      rec({ text: '{\ngarbage', line: 1, offset: 0, lineCount: 2 }),
      rec({ text: '{"eventid":"b"}', line: 3, offset: 10 }),
    ]);
    expect(await read('{"eventid":"a"}\n{\n')).toEqual([rec({ text: '{"eventid":"a"}', line: 1, offset: 0 }), rec({ text: '{', line: 2, offset: 16, unterminated: true })]);
  });
});

describe('readRecords: objects run together on one line', () => {
  it('splits two or more complete objects, each with its own offset', async () => {
    const line = '{"eventid":"a"}{"eventid":"b"} {"eventid":"c"}';
    expect(await read(`${line}\n`)).toEqual([
      rec({ text: '{"eventid":"a"}', line: 1, offset: 0, splitFromLine: true }),
      rec({ text: '{"eventid":"b"}', line: 1, offset: 15, splitFromLine: true }),
      rec({ text: '{"eventid":"c"}', line: 1, offset: 31, splitFromLine: true }),
    ]);
  });

  it('is string-aware and leaves lines that are not cleanly several objects alone', async () => {
    expect(await read('{"s":"}{\\"}"}{"t":"} {"}\n')).toEqual([
      rec({ text: '{"s":"}{\\"}"}', line: 1, offset: 0, splitFromLine: true }),
      rec({ text: '{"t":"} {"}', line: 1, offset: 13, splitFromLine: true }),
    ]);
    for (const line of ['{"s":"}{"}', '{"a":1}{"b":', '{"a":1} {"b":2} x', '{"a":[1]} {"b":2}]']) {
      expect(await read(`${line}\n`)).toEqual([rec({ text: line, line: 1, offset: 0 })]);
    }
  });

  it('marks only the last part of an unterminated run-together line as unterminated', async () => {
    expect(await read('{"a":1}{"b":2}')).toEqual([
      rec({ text: '{"a":1}', line: 1, offset: 0, splitFromLine: true }),
      rec({ text: '{"b":2}', line: 1, offset: 7, splitFromLine: true, unterminated: true }),
    ]);
  });
});

describe('readRecords: size cap', () => {
  const cap = 100;
  const big = `{"eventid":"x","pad":"${'a'.repeat(230)}"}`; // 255 bytes

  it('yields a record over the cap with tooLarge, full length and a prefix of the cap', async () => {
    for (const sizes of [1, 7, 64, 1 << 20]) {
      const got = await collect(chunked(u(`${big}\r\n{"eventid":"y"}\n`), sizes), { maxRecordBytes: cap });
      expect(got).toEqual([
        rec({ text: big.slice(0, cap), line: 1, offset: 0, length: big.length, tooLarge: true }),
        rec({ text: '{"eventid":"y"}', line: 2, offset: big.length + 2 }),
      ]);
    }
  });

  it('applies the cap exactly, without counting the CR', async () => {
    const exact = `{"p":"${'b'.repeat(cap - 8)}"}`;
    expect(exact.length).toBe(cap);
    for (const sizes of [1, 3, 1000]) {
      const got = await collect(chunked(u(`${exact}\r\n${exact}b\n`), sizes), { maxRecordBytes: cap });
      expect(got.map((r) => [r.length, r.tooLarge, r.text.length])).toEqual([
        [cap, false, cap],
        [cap + 1, true, cap],
      ]);
    }
  });

  it('caps a pretty-printed object, still finding its end past a huge line', async () => {
    const hugeValue = `} ] { [ \\" ${'z'.repeat(300)}`;
    // A huge key opens a nested object after the cap: its depth change must still be seen.
    const pretty = JSON.stringify({ eventid: 'x', huge: hugeValue, ['k'.repeat(300)]: { a: '}' }, n: { k: [1] } }, null, 2);
    const lines = pretty.split('\n').length;
    for (const sizes of [1, 5, 64, 1 << 20]) {
      const got = await collect(chunked(u(`${pretty}\n{"eventid":"after"}\n`), sizes), { maxRecordBytes: cap });
      expect(got).toEqual([
        rec({ text: pretty.slice(0, cap), line: 1, offset: 0, lineCount: lines, length: pretty.length, tooLarge: true }),
        rec({ text: '{"eventid":"after"}', line: lines + 1, offset: pretty.length + 1 }),
      ]);
    }
  });

  it('skips a whitespace-only line over the cap', async () => {
    expect(await read(`${' '.repeat(500)}\n{"a":1}\n`, { maxRecordBytes: cap })).toEqual([rec({ text: '{"a":1}', line: 2, offset: 501 })]);
  });

  it('keeps memory bounded: a 64 MiB line keeps only its prefix', async () => {
    const piece = Buffer.alloc(64 * 1024, 0x61);
    async function* huge(): AsyncGenerator<Buffer> {
      yield u('{"x":"');
      for (let i = 0; i < 1024; i++) yield piece;
      yield u('"}\n{"eventid":"y"}\n');
    }
    const got = await collect(huge(), { maxRecordBytes: 1024 * 1024 });
    expect(got.map((r) => [r.line, r.length, r.text.length, r.tooLarge])).toEqual([
      [1, 64 * 1024 * 1024 + 8, 1024 * 1024, true],
      [2, 15, 15, false],
    ]);
  });

  it('rejects a cap that is not a positive integer', async () => {
    await expect(read('{}\n', { maxRecordBytes: 0 })).rejects.toThrow(RangeError);
  });
});

describe('readRecords: chunk boundaries', () => {
  // One input with every feature, including multi-byte UTF-8 and an invalid byte, to be cut anywhere.
  const prettyText = '{\n  "eventid": "p",\n  "o": {\n    "s": "}{\\"",\n    "arr": [\n      1,\n      {\n        "x": "]"\n      }\n    ]\n  }\n}';
  const input = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    u('{"eventid":"a","u":"é😀"}\r\n\r\n  \t \n'),
    u(`${prettyText.replaceAll('\n', '\r\n')}\n`),
    u('{"eventid":"b"}{"eventid":"c"} {"eventid":"d"}\n{\n'),
    u('{"eventid":"e","bad":"'),
    Buffer.from([0xff, 0xe2, 0x82]),
    u('"}\n'),
    u(`{"eventid":"big","pad":"${'x'.repeat(80)}"}\n`),
    u('{"eventid":"last"'),
  ]);
  const at = (s: string | Buffer): number => input.indexOf(typeof s === 'string' ? u(s) : s);
  const eLine = Buffer.concat([u('{"eventid":"e","bad":"'), Buffer.from([0xff, 0xe2, 0x82]), u('"}')]).toString('latin1');
  const bigLine = `{"eventid":"big","pad":"${'x'.repeat(80)}"}`;

  const expected: Rec[] = [
    rec({ text: latin('{"eventid":"a","u":"é😀"}'), line: 1, offset: 3 }),
    rec({ text: prettyText, line: 4, offset: at('{\r\n'), lineCount: 12 }),
    rec({ text: '{"eventid":"b"}', line: 16, offset: at('{"eventid":"b"}'), splitFromLine: true }),
    rec({ text: '{"eventid":"c"}', line: 16, offset: at('{"eventid":"c"}'), splitFromLine: true }),
    rec({ text: '{"eventid":"d"}', line: 16, offset: at('{"eventid":"d"}'), splitFromLine: true }),
    rec({ text: '{', line: 17, offset: at('{"eventid":"d"}\n{') + 16 }),
    rec({ text: eLine, line: 18, offset: at('{"eventid":"e"') }),
    rec({ text: bigLine, line: 19, offset: at('{"eventid":"big"') }),
    rec({ text: '{"eventid":"last"', line: 20, offset: at('{"eventid":"last"'), unterminated: true }),
  ];
  const capped = expected.map((r) =>
    r.length > 60 ? { ...r, text: Buffer.from(r.text, 'latin1').subarray(0, 60).toString('latin1'), tooLarge: true } : r,
  );

  it('reads the whole input in one chunk as expected', async () => {
    expect(await read(input)).toEqual(expected);
    expect(await read(input, { maxRecordBytes: 60 })).toEqual(capped);
    expect(capped.filter((r) => r.tooLarge)).toHaveLength(2);
  });

  for (const [label, cap, want] of [
    ['default cap', undefined, expected],
    ['cap 60', 60, capped],
  ] as const) {
    it(`gives identical records for 1-byte chunks, every split point and random chunks (${label})`, async () => {
      const opts = cap === undefined ? {} : { maxRecordBytes: cap };
      expect(await collect(chunked(input, 1), opts)).toEqual(want);
      expect(await collect(chunked(input, 2), opts)).toEqual(want);
      expect(await collect(chunked(input, 3), opts)).toEqual(want);
      for (let i = 1; i < input.length; i++) {
        expect(await collect(fromChunks([input.subarray(0, i), input.subarray(i)]), opts), `split at ${i}`).toEqual(want);
      }
      const rand = prng(42);
      for (let round = 0; round < 300; round++) {
        const sizes = Array.from({ length: input.length }, () => 1 + Math.floor(rand() * 24));
        expect(await collect(chunked(input, sizes), opts), `round ${round}`).toEqual(want);
      }
    });
  }

  it('accepts empty chunks', async () => {
    const chunks = [Buffer.alloc(0), input.subarray(0, 2), Buffer.alloc(0), input.subarray(2), Buffer.alloc(0)];
    expect(await collect(fromChunks(chunks))).toEqual(expected);
  });
});

describe('readRecords: abort', () => {
  it('throws an AbortError when the signal is already aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(read('{"a":1}\n', { signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('throws an AbortError between records', async () => {
    const ac = new AbortController();
    const seen: number[] = [];
    const run = async (): Promise<void> => {
      for await (const r of readRecords(fromChunks([u('{"a":1}\n{"a":2}\n{"a":3}\n')]), { signal: ac.signal })) {
        seen.push(r.line);
        ac.abort(new Error('stop'));
      }
    };
    await expect(run()).rejects.toMatchObject({ name: 'AbortError', cause: new Error('stop') });
    expect(seen).toEqual([1]);
  });

  it('throws an AbortError while waiting for a chunk that never comes', async () => {
    const ac = new AbortController();
    async function* stuck(): AsyncGenerator<Buffer> {
      yield u('{"a":1}\n');
      await new Promise(() => undefined);
    }
    const seen: number[] = [];
    const run = async (): Promise<void> => {
      for await (const r of readRecords(stuck(), { signal: ac.signal })) {
        seen.push(r.line);
        setTimeout(() => ac.abort(), 10);
      }
    };
    await expect(run()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([1]);
  });
});
