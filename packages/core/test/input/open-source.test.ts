import { spawnSync } from 'node:child_process';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/index.js';
import { openSource, openStdin, peekBytes, readRecords, sniffCompression, sniffLooksLikeJson } from '../../src/input/index.js';
import { fromChunks, withTempDir } from './helpers.js';

function bzip2(data: Buffer, level = 9): Buffer {
  const r = spawnSync('/usr/bin/bzip2', [`-${level}`, '-c'], { input: data, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bzip2 failed: ${r.stderr.toString()}`);
  return r.stdout;
}

/** Byte equality without vitest's element-by-element deep compare (slow on large buffers). */
function expectSameBytes(got: Buffer, want: Buffer): void {
  expect(got.length).toBe(want.length);
  expect(got.equals(want)).toBe(true);
}

async function drain(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c);
  return Buffer.concat(parts);
}

function events(from: number, n: number): Buffer {
  let s = '';
  for (let i = from; i < from + n; i++) s += `{"eventid":"cowrie.command.input","session":"s${i}","input":"echo ${'x'.repeat(i % 50)}"}\n`;
  return Buffer.from(s);
}

describe('openSource', () => {
  it('fills InputSource from the opened file and reads plain bytes', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'cowrie.json.2018-05-06');
      const data = events(0, 10);
      await writeFile(p, data);
      const o = await openSource({ name: 'logs/cowrie.json.2018-05-06', path: p });
      const st = await stat(p, { bigint: true });
      expect(o.source).toEqual({ name: 'logs/cowrie.json.2018-05-06', path: p, inode: st.ino.toString(), generation: 0, size: data.length });
      expect(o.compression).toBe('none');
      expectSameBytes(await drain(o.stream), data);
    });
  });

  it('resolves a string path against cwd and records the generation', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.json'), '{"eventid":"x"}\n');
      const o = await openSource('a.json', { cwd: dir, generation: 3 });
      expect(o.source).toMatchObject({ name: 'a.json', path: join(dir, 'a.json'), generation: 3 });
      expect((await drain(o.stream)).toString()).toBe('{"eventid":"x"}\n');
    });
  });

  it('sniffs gzip by content, even in a file named cowrie.json, and plain text named .gz', async () => {
    await withTempDir(async (dir) => {
      const data = events(0, 50);
      await writeFile(join(dir, 'cowrie.json'), gzipSync(data));
      await writeFile(join(dir, 'plain.json.gz'), data);
      const g = await openSource(join(dir, 'cowrie.json'));
      expect(g.compression).toBe('gzip');
      expect(g.source.size).toBe(gzipSync(data).length);
      expectSameBytes(await drain(g.stream), data);
      const p = await openSource(join(dir, 'plain.json.gz'));
      expect(p.compression).toBe('none');
      expectSameBytes(await drain(p.stream), data);
    });
  });

  it('decompresses every member of a multi-member gzip file', async () => {
    await withTempDir(async (dir) => {
      const a = events(0, 300);
      const b = events(300, 5);
      const c = events(305, 2000);
      await writeFile(join(dir, 'cowrie.json.2.gz'), Buffer.concat([gzipSync(a), gzipSync(b), gzipSync(c)]));
      const o = await openSource(join(dir, 'cowrie.json.2.gz'), { highWaterMark: 1000 });
      expect(o.compression).toBe('gzip');
      const lines: number[] = [];
      for await (const r of readRecords(o.stream)) lines.push(r.line);
      expect(lines).toHaveLength(2305);
      expect(lines.at(-1)).toBe(2305);
    });
  });

  it('decompresses bzip2 (several blocks, and concatenated streams)', async () => {
    await withTempDir(async (dir) => {
      const a = events(0, 6000); // > 100 kB: several blocks at -1
      const b = events(6000, 10);
      expect(a.length).toBeGreaterThan(300_000);
      await writeFile(join(dir, 'x.bz2'), bzip2(a, 1));
      await writeFile(join(dir, 'cowrie.json.1'), Buffer.concat([bzip2(a), bzip2(b)]));
      const o = await openSource(join(dir, 'x.bz2'), { highWaterMark: 4096 });
      expect(o.compression).toBe('bzip2');
      expectSameBytes(await drain(o.stream), a);
      const c = await openSource(join(dir, 'cowrie.json.1'));
      expect(c.compression).toBe('bzip2');
      expectSameBytes(await drain(c.stream), Buffer.concat([a, b]));
    });
  });

  it('surfaces corrupt or truncated compressed data as a rejected iteration naming the file', async () => {
    await withTempDir(async (dir) => {
      const data = events(0, 2000);
      const gz = gzipSync(data);
      const flipped = Buffer.from(gz);
      for (let i = 100; i < 200; i++) flipped[i] = flipped[i]! ^ 0x5a;
      const bz = bzip2(data);
      const bzBad = Buffer.from(bz);
      for (let i = 50; i < 150; i++) bzBad[i] = bzBad[i]! ^ 0x5a;
      const cases: Array<[string, Buffer]> = [
        ['flipped.gz', flipped],
        ['truncated.gz', gz.subarray(0, Math.floor(gz.length / 2))],
        ['flipped.bz2', bzBad],
        ['truncated.bz2', bz.subarray(0, Math.floor(bz.length / 2))],
      ];
      for (const [name, bytes] of cases) {
        await writeFile(join(dir, name), bytes);
        const o = await openSource({ name, path: join(dir, name) });
        const err: unknown = await drain(o.stream).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err, name).toBeInstanceOf(InputError);
        expect(err, name).toMatchObject({ code: 'INPUT_CORRUPT' });
        expect((err as Error).message, name).toContain(name);
      }
    });
  });

  it('rejects a missing file or a directory with an InputError naming it', async () => {
    await withTempDir(async (dir) => {
      await expect(openSource(join(dir, 'nope.json'))).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND', message: expect.stringContaining('nope.json') });
      await expect(openSource(dir)).rejects.toMatchObject({ code: 'INPUT_IS_DIRECTORY' });
    });
  });

  it('closes a source that is not read to its end', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.json'), events(0, 10));
      const o = await openSource(join(dir, 'a.json'));
      o.close();
      const o2 = await openSource(join(dir, 'a.json'));
      for await (const r of readRecords(o2.stream)) {
        expect(r.line).toBe(1);
        break; // stops the underlying read stream
      }
    });
  });
});

describe('openStdin', () => {
  it('reads a given stream as stdin, sniffing compression', async () => {
    const data = events(0, 20);
    const gz = gzipSync(data);
    const o = await openStdin('stdin:load-1', fromChunks([gz.subarray(0, 1), gz.subarray(1, 3), gz.subarray(3)]));
    expect(o.source).toEqual({ name: 'stdin:load-1', path: null, inode: null, generation: 0, size: null });
    expect(o.compression).toBe('gzip');
    expectSameBytes(await drain(o.stream), data);
  });

  it('accepts string chunks and empty input', async () => {
    async function* strings(): AsyncGenerator<string> {
      yield '{"eventid":"é"}\n';
    }
    const o = await openStdin('stdin:x', strings());
    expect((await drain(o.stream)).toString()).toBe('{"eventid":"é"}\n');
    const e = await openStdin('stdin:y', fromChunks([]));
    expect(e.compression).toBe('none');
    expectSameBytes(await drain(e.stream), Buffer.alloc(0));
  });
});

describe('sniffing helpers', () => {
  it('sniffCompression looks at magic bytes only', () => {
    expect(sniffCompression(Buffer.from([0x1f, 0x8b, 0x08]))).toBe('gzip');
    expect(sniffCompression(Buffer.from('BZh1'))).toBe('bzip2');
    expect(sniffCompression(Buffer.from('BZh9rest'))).toBe('bzip2');
    expect(sniffCompression(Buffer.from('BZh0'))).toBe('none');
    expect(sniffCompression(Buffer.from('BZh'))).toBe('none');
    expect(sniffCompression(Buffer.from([0x1f]))).toBe('none');
    expect(sniffCompression(Buffer.from('{"eventid"'))).toBe('none');
  });

  it('sniffLooksLikeJson accepts a first "{" after BOM and whitespace only', () => {
    expect(sniffLooksLikeJson(Buffer.from('{"eventid":"x"}'))).toBe(true);
    expect(sniffLooksLikeJson(Buffer.from('\uFEFF \r\n\t{\n  "eventid"'))).toBe(true);
    expect(sniffLooksLikeJson(Buffer.from('2018-05-06T17:44:05+0000 [twisted] Ready'))).toBe(false);
    expect(sniffLooksLikeJson(Buffer.from('[{"eventid":"x"}]'))).toBe(false);
    expect(sniffLooksLikeJson(Buffer.from([0x01, 0x7b]))).toBe(false);
    expect(sniffLooksLikeJson(Buffer.from('  \n'))).toBe(false);
    expect(sniffLooksLikeJson(Buffer.alloc(0))).toBe(false);
  });

  it('peekBytes returns the head and still yields every byte', async () => {
    const data = Buffer.from('0123456789abcdef');
    const { head, stream } = await peekBytes(fromChunks([data.subarray(0, 3), data.subarray(3, 5), data.subarray(5)]), 4);
    expect(head.toString()).toBe('01234');
    expect((await drain(stream)).toString()).toBe('0123456789abcdef');
    const short = await peekBytes(fromChunks([Buffer.from('ab')]), 64);
    expect(short.head.toString()).toBe('ab');
    expect((await drain(short.stream)).toString()).toBe('ab');
  });
});
