import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink, utimes, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A JSON file read with its modification time. */
export interface JsonFile {
  value: unknown;
  mtimeMs: number;
}

/**
 * Read and parse a JSON file with its mtime: `null` when it does not exist, `'corrupt'` when it
 * cannot be read as JSON (a torn write by another program, a disk error): a miss, never a crash.
 *
 * @example
 * ```ts
 * const f = await readJsonFile('/cache/dshield/192/0/2/10.json'); // { value, mtimeMs } | null | 'corrupt'
 * ```
 */
export async function readJsonFile(path: string): Promise<JsonFile | null | 'corrupt'> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    return 'corrupt';
  }
  try {
    const st = await fh.stat();
    const text = await fh.readFile('utf8');
    return { value: JSON.parse(text) as unknown, mtimeMs: st.mtimeMs };
  } catch {
    return 'corrupt';
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/**
 * Write JSON atomically: a temp file in the same directory, its mtime set, then `rename` over
 * the target, so a reader (ours or the predecessor's) sees the old file or the new one, never half.
 *
 * @example
 * ```ts
 * await writeJsonAtomic('/cache/hibp/5B/AA/6/5BAA6.json', { '1E4C9B93F3F0682250B6CF8331B7EE68FD8': 3 }, Date.now());
 * ```
 */
export async function writeJsonAtomic(path: string, value: unknown, mtimeMs: number): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    // Compact separators, like the predecessor's json.dumps(..., separators=(',', ':')).
    await writeFile(tmp, JSON.stringify(value));
    const t = mtimeMs / 1000;
    await utimes(tmp, t, t);
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

/**
 * Remove a file if it exists.
 *
 * @example
 * ```ts
 * await unlinkQuiet('/cache/dshield/192/0/2/10.json');
 * ```
 */
export async function unlinkQuiet(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw err;
  }
}
