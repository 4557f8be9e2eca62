import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { InputError } from '../errors/index.js';
import { openSource, openStdin, peekBytes, resolveInputs, sniffLooksLikeJson, type OpenedSource, type ResolvedFile } from '../input/index.js';
import type { CowrieStore } from '../store/open-store.js';
import type { LoadOptions, LoadResult } from './load-types.js';
import { LoadRun } from './load-run.js';

/**
 * Load whole files (plain, `.gz`, `.bz2`, any name), directories, globs or `-` (stdin) into the
 * store. Every record ends as exactly one of: a stored event, a counted duplicate, or a dead
 * letter. Re-loading anything adds nothing. Batches are transactions, so a killed load leaves
 * only whole batches behind and a re-run completes it.
 *
 * @throws {InputError} when an input names nothing; {@link LoadAbortedError} (with the partial
 *   result) when the database fails in a way no retry or isolation can get past.
 * @example
 * ```ts
 * const store = await openStore('./cowrie.sqlite', { command: 'load bulk' });
 * const r = await bulkLoad(store, ['/var/log/cowrie'], { sensor: 'honey-1' });
 * console.log(r.events, r.duplicates, r.deadLetters);
 * ```
 */
export async function bulkLoad(store: CowrieStore, inputs: string[], opts: LoadOptions = {}): Promise<LoadResult> {
  const resolved = await resolveInputs(inputs, { cwd: opts.cwd });
  if (resolved.missing.length > 0) {
    throw new InputError('INPUT_NOT_FOUND', `no such file, directory or glob match: ${resolved.missing.join(', ')}`, { file: resolved.missing[0] });
  }
  const run = new LoadRun(store, randomUUID(), 'bulk', opts);
  let bytesTotal = 0;
  for (const f of resolved.files) bytesTotal += (await stat(f.path).catch(() => null))?.size ?? 0;
  await run.begin(resolved.files.length + (resolved.stdin ? 1 : 0), bytesTotal);
  return run.complete(async () => {
    for (const f of resolved.files) {
      opts.signal?.throwIfAborted();
      const opened = await openForLoad(run, f);
      if (opened) await run.readFile(opened.source, opened.compression, opened.stream, { complete: true });
    }
    if (resolved.stdin) {
      const s = await openStdin(`stdin:${run.loadId}`, opts.stdin);
      await run.readFile(s.source, s.compression, s.stream, { complete: true });
    }
  });
}

/**
 * Open a file for a load; files found by walking a directory must look like JSON (directories
 * hold text logs and tty recordings too). Returns `null` for a skipped or unopenable file.
 */
export async function openForLoad(run: LoadRun, f: ResolvedFile): Promise<OpenedSource | null> {
  let opened: OpenedSource;
  try {
    opened = await openSource(f);
  } catch (err) {
    run.fail(f.name, err, null);
    return null;
  }
  if (!f.fromDirectory) return opened;
  try {
    const peeked = await peekBytes(opened.stream, 512);
    if (peeked.head.length === 0 || !sniffLooksLikeJson(peeked.head)) {
      opened.close();
      run.skip(f.name, peeked.head.length === 0 ? 'empty' : 'not a JSON log (first bytes are not "{")');
      return null;
    }
    return { ...opened, stream: peeked.stream };
  } catch (err) {
    opened.close();
    run.fail(f.name, err, null);
    return null;
  }
}
