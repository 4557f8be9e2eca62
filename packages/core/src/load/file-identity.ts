import { createHash } from 'node:crypto';
import { CONTENT_HASH_BYTES, openSource, peekBytes, sniffLooksLikeJson, type ResolvedFile } from '../input/index.js';
import type { Compression } from '../input/types.js';

const FIRST_LINE_MAX = 64 * 1024;

/** What identifies a file's content stream across renames: its inode and first line. */
export interface FileIdentity {
  inode: string;
  size: number;
  compression: Compression;
  /** Hash of the first line (decompressed, at most 64 KiB of it); `null` while the file has no complete first line. */
  firstLineHash: Buffer | null;
  /** The decompressed content starts with `{` (directories also hold text logs, tty files …). */
  looksLikeJson: boolean;
}

/**
 * Identify a file for delta loading. Cowrie's rotation renames the live file (same inode, same
 * first line: the same stream under a new name); a truncation or rewrite keeps the inode but
 * changes the first line (a new stream); a compressed copy is a new inode (a new stream whose
 * records are duplicates of the old one's).
 *
 * @example
 * ```ts
 * const id = await identifyFile({ name: 'cowrie.json', path: '/var/log/cowrie/cowrie.json', fromDirectory: false });
 * ```
 */
export async function identifyFile(f: Pick<ResolvedFile, 'name' | 'path'>, mayGrow: boolean): Promise<FileIdentity> {
  const opened = await openSource(f);
  try {
    const { head } = await peekBytes(opened.stream, FIRST_LINE_MAX);
    let nl = head.indexOf(0x0a);
    const complete = nl >= 0 || head.length >= FIRST_LINE_MAX || (!mayGrow && head.length > 0);
    if (nl < 0) nl = Math.min(head.length, FIRST_LINE_MAX);
    let end = nl;
    if (end > 0 && head[end - 1] === 0x0d) end--;
    return {
      inode: opened.source.inode ?? `path:${opened.source.path}`,
      size: opened.source.size ?? 0,
      compression: opened.compression,
      looksLikeJson: sniffLooksLikeJson(head),
      firstLineHash: complete ? createHash('sha256').update(head.subarray(0, end)).digest().subarray(0, CONTENT_HASH_BYTES) : null,
    };
  } finally {
    opened.close();
  }
}

const ROTATED = /\.(\d{4}-\d{2}-\d{2}|\d{4}_\d{1,2}_\d{1,2}|\d+)(\.(gz|bz2))?$/;

/**
 * Whether a file may still grow: the live log does; Cowrie's rotated files
 * (`cowrie.json.2018-05-06`, `cowrie.json.2017_11_4`), logrotate's (`cowrie.json.1`) and
 * compressed files do not, so their unterminated last line is a complete (truncated) record.
 */
export function mayStillGrow(path: string, compression: Compression): boolean {
  return compression === 'none' && !ROTATED.test(path);
}
