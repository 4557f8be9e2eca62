import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInputs, sortByRotation } from '../../src/input/index.js';
import { withTempDir } from './helpers.js';

async function touch(dir: string, ...names: string[]): Promise<void> {
  for (const n of names) {
    await mkdir(join(dir, n, '..'), { recursive: true });
    await writeFile(join(dir, n), '{"eventid":"x"}\n');
  }
}

const LOGS = [
  'logs/cowrie.json',
  'logs/cowrie.json.2018-05-07',
  'logs/cowrie.json.2018-05-06',
  'logs/cowrie.json.2017_11_10',
  'logs/cowrie.json.2017_11_4',
  'logs/cowrie.log',
  'logs/sub/cowrie.json',
  'logs/sub/cowrie.json.1',
  'logs/sub/cowrie.json.2.gz',
  'logs/sub/cowrie.json.10.gz',
];
const ORDERED = [
  'logs/cowrie.json.2017_11_4',
  'logs/cowrie.json.2017_11_10',
  'logs/cowrie.json.2018-05-06',
  'logs/cowrie.json.2018-05-07',
  'logs/cowrie.json',
  'logs/cowrie.log',
  'logs/sub/cowrie.json.10.gz',
  'logs/sub/cowrie.json.2.gz',
  'logs/sub/cowrie.json.1',
  'logs/sub/cowrie.json',
];

describe('resolveInputs', () => {
  it('walks a directory recursively, oldest content first, the live file after its dated siblings', async () => {
    await withTempDir(async (dir) => {
      await touch(dir, ...LOGS);
      const r = await resolveInputs(['logs'], { cwd: dir });
      expect(r.missing).toEqual([]);
      expect(r.stdin).toBe(false);
      expect(r.files.map((f) => f.name)).toEqual(ORDERED);
      expect(r.files.map((f) => f.path)).toEqual(ORDERED.map((n) => join(dir, n)));
      expect(r.files.every((f) => f.fromDirectory)).toBe(true);
    });
  });

  it('expands globs (relative names, sorted the same way) and takes files of any name', async () => {
    await withTempDir(async (dir) => {
      await touch(dir, ...LOGS, 'x.bz2', 'a[1].json');
      const r = await resolveInputs(['logs/**/cowrie.json*', 'x.bz2', 'a[1].json', join(dir, 'logs/cowrie.log')], { cwd: dir });
      expect(r.files.map((f) => f.name)).toEqual([...ORDERED.filter((n) => !n.endsWith('.log')), 'x.bz2', 'a[1].json', join(dir, 'logs/cowrie.log')]);
      expect(r.files.every((f) => !f.fromDirectory)).toBe(true);
    });
  });

  it('reports arguments that match nothing, and stdin', async () => {
    await withTempDir(async (dir) => {
      await touch(dir, 'logs/cowrie.json');
      await mkdir(join(dir, 'empty'));
      const r = await resolveInputs(['nope.json', '-', 'logs/*.xyz', 'empty', 'logs', 'logs/cowrie.json/x'], { cwd: dir });
      expect(r.missing).toEqual(['nope.json', 'logs/*.xyz', 'empty', 'logs/cowrie.json/x']);
      expect(r.stdin).toBe(true);
      expect(r.files.map((f) => f.name)).toEqual(['logs/cowrie.json']);
    });
  });

  it('reads a file reached twice only once, at its first place', async () => {
    await withTempDir(async (dir) => {
      await touch(dir, 'logs/cowrie.json', 'logs/cowrie.json.1');
      await symlink(join(dir, 'logs/cowrie.json'), join(dir, 'link.json'));
      const r = await resolveInputs(['logs/cowrie.json', 'link.json', './logs/../logs/cowrie.json', 'logs', 'logs/*'], { cwd: dir });
      expect(r.files.map((f) => [f.name, f.fromDirectory])).toEqual([
        ['logs/cowrie.json', false],
        ['logs/cowrie.json.1', true],
      ]);
      expect(r.files[0]!.realPath).toBe(r.files[0]!.path);
    });
  });

  it('follows symlinked directories without looping', async () => {
    await withTempDir(async (dir) => {
      await touch(dir, 'logs/a/cowrie.json');
      await symlink(join(dir, 'logs'), join(dir, 'logs/a/loop'));
      const r = await resolveInputs(['logs'], { cwd: dir });
      expect(r.files.map((f) => f.name)).toEqual(['logs/a/cowrie.json']);
    });
  });
});

describe('sortByRotation', () => {
  it('orders rotation families oldest first and keeps plain name order otherwise', () => {
    expect(sortByRotation(['cowrie.json', 'cowrie.json.1', 'cowrie.json.2.gz', 'cowrie.json-20240101', 'cowrie.json-20231231.gz'])).toEqual([
      'cowrie.json-20231231.gz',
      'cowrie.json-20240101',
      'cowrie.json.2.gz',
      'cowrie.json.1',
      'cowrie.json',
    ]);
    expect(sortByRotation(['cowrie_2017-01-03T010619.json.gz', 'cowrie-2020-05-21.json', 'cowrie_2017-01-03T004539.json.gz'])).toEqual([
      'cowrie-2020-05-21.json',
      'cowrie_2017-01-03T004539.json.gz',
      'cowrie_2017-01-03T010619.json.gz',
    ]);
  });
});
