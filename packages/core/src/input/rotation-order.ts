import { basename, dirname } from 'node:path';

/**
 * Where a file name sits in a rotation family, so that files sort oldest content first:
 * dated siblings (`cowrie.json.2017_11_4`, `cowrie.json.2018-05-06`, `cowrie.json-20240101`) by
 * date, then logrotate numbers from the highest (oldest) down (`cowrie.json.2.gz`, `cowrie.json.1`),
 * then the live file (`cowrie.json`). Compression suffixes do not change the position.
 */
interface RotationKey {
  dir: string;
  /** The live file's name this file was rotated from (`cowrie.json`); the file's own name otherwise. */
  stem: string;
  /** 0 dated, 1 logrotate-numbered, 2 live / anything else. */
  rank: number;
  /** Date as yyyymmdd for rank 0, minus the number for rank 1 (higher number = older), 0 otherwise. */
  value: number;
  name: string;
}

const COMPRESSION_SUFFIX = /\.(gz|bz2)$/i;
// `.2017_11_4` (Twisted default, unpadded), `.2018-05-06`, `-20240101` (logrotate dateext).
const DATED = /^(.+?)[._-](\d{4})(?:([-_])(\d{1,2})\3(\d{1,2})|(\d{2})(\d{2}))$/;
const NUMBERED = /^(.+)\.(\d{1,4})$/;

function rotationKey(path: string): RotationKey {
  const name = basename(path);
  const bare = name.replace(COMPRESSION_SUFFIX, '');
  const dated = DATED.exec(bare);
  if (dated) {
    const [, stem, y, , m1, d1, m2, d2] = dated;
    const value = Number(y) * 10000 + Number(m1 ?? m2) * 100 + Number(d1 ?? d2);
    return { dir: dirname(path), stem: stem!, rank: 0, value, name };
  }
  const numbered = NUMBERED.exec(bare);
  if (numbered) return { dir: dirname(path), stem: numbered[1]!, rank: 1, value: -Number(numbered[2]), name };
  return { dir: dirname(path), stem: bare, rank: 2, value: 0, name };
}

/** Plain code-unit order: stable across machines and locales. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorts paths directory by directory, and within a directory by rotation family, oldest content
 * first. Names outside any family (`cowrie-2020-05-21.json`, `a.json`) keep plain name order.
 *
 * @example
 * ```ts
 * sortByRotation(['d/cowrie.json', 'd/cowrie.json.2017_11_10', 'd/cowrie.json.2017_11_4']);
 * // ['d/cowrie.json.2017_11_4', 'd/cowrie.json.2017_11_10', 'd/cowrie.json']
 * sortByRotation(['cowrie.json', 'cowrie.json.1', 'cowrie.json.2.gz']);
 * // ['cowrie.json.2.gz', 'cowrie.json.1', 'cowrie.json']
 * ```
 */
export function sortByRotation(paths: readonly string[]): string[] {
  const keyed = paths.map((p) => ({ p, k: rotationKey(p) }));
  keyed.sort((x, y) => {
    const a = x.k;
    const b = y.k;
    return cmp(a.dir, b.dir) || cmp(a.stem, b.stem) || a.rank - b.rank || a.value - b.value || cmp(a.name, b.name);
  });
  return keyed.map((e) => e.p);
}
