import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../errors/index.js';
import { sortByRotation } from './rotation-order.js';

/** One file to read. */
export interface ResolvedFile {
  /** The path as given, or as found under a directory / by a glob (relative when the argument was). */
  name: string;
  /** Absolute path (symlinks not resolved: it is where the user pointed). */
  path: string;
  /** Symlinks resolved; what duplicates are detected on. */
  realPath: string;
  /** Found by walking a directory (callers skip such files when they do not look like JSON). */
  fromDirectory: boolean;
}

export interface ResolvedInputs {
  /** Files in reading order: argument order, and within a directory or glob oldest content first. */
  files: ResolvedFile[];
  /** `-` was given: read standard input too. */
  stdin: boolean;
  /** Arguments that matched nothing: no such path, a glob without matches, an empty directory. */
  missing: string[];
}

/**
 * Turns CLI arguments into the list of files to read. An argument is `-` (stdin), an existing
 * path (file or directory, walked recursively), or else a glob (`logs/**\/cowrie.json*`). A path
 * that exists is never treated as a glob, so names with `[` or `*` in them still work. A file
 * reached twice (two arguments, a symlink, an overlapping glob) is read once, at its first place.
 * Paths that exist but cannot be read (permissions, symlink loops) reject with an `InputError`.
 *
 * @example
 * ```ts
 * const r = await resolveInputs(['var/log/cowrie', 'old/*.gz', '-']);
 * for (const m of r.missing) throw new InputError('INPUT_NOT_FOUND', 'no such file, directory or match', { file: m });
 * ```
 */
export async function resolveInputs(args: string[], opts: { cwd?: string } = {}): Promise<ResolvedInputs> {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const files: ResolvedFile[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  let stdin = false;

  const add = async (name: string, abs: string, fromDirectory: boolean): Promise<void> => {
    const real = await realpath(abs).catch(() => abs);
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ name, path: abs, realPath: real, fromDirectory });
  };

  for (const arg of args) {
    if (arg === '-') {
      stdin = true;
      continue;
    }
    const abs = resolve(cwd, arg);
    const st = await stat(abs).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return null;
      throw unreadable(arg, e);
    });
    if (st?.isDirectory()) {
      // An unreadable subdirectory fails the whole argument: silently loading less is worse.
      const found = sortByRotation(await walk(abs, new Set()).catch((e: unknown) => Promise.reject(unreadable(arg, e))));
      if (found.length === 0) missing.push(arg);
      for (const p of found) await add(join(arg, relative(abs, p)), p, true);
    } else if (st) {
      await add(arg, abs, false); // files, but also FIFOs and devices (`<(zcat …)`) named explicitly
    } else if (isDynamicPattern(arg)) {
      const matches = sortByRotation(await glob(arg, { cwd, absolute: true, onlyFiles: true, expandDirectories: false }));
      if (matches.length === 0) missing.push(arg);
      for (const p of matches) await add(isAbsolute(arg) ? p : relative(cwd, p), p, false);
    } else {
      missing.push(arg);
    }
  }
  return { files, stdin, missing };
}

function unreadable(arg: string, e: unknown): InputError {
  return new InputError('INPUT_OPEN_FAILED', `cannot read: ${e instanceof Error ? e.message : String(e)}`, { file: arg }, { cause: e });
}

/** All regular files under `dir`, following symlinks but never entering a directory twice. */
async function walk(dir: string, visited: Set<string>): Promise<string[]> {
  const real = await realpath(dir);
  if (visited.has(real)) return [];
  visited.add(real);
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isFile()) out.push(p);
    else if (e.isDirectory()) out.push(...(await walk(p, visited)));
    else if (e.isSymbolicLink()) {
      const st = await stat(p).catch(() => null); // dangling links are ignored
      if (st?.isFile()) out.push(p);
      else if (st?.isDirectory()) out.push(...(await walk(p, visited)));
    }
  }
  return out;
}
