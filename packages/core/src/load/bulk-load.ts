import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { InputError } from '../errors/index.js';
import { openSource, openStdin, peekBytes, resolveInputs, sniffLooksLikeJson } from '../input/index.js';
import type { CowrieStore } from '../store/open-store.js';
import type { LoadOptions, LoadResult } from './load-types.js';
import { LoadRun } from './load-run.js';

/**
 * Load whole files (plain, `.gz`, `.bz2`, any name), directories, globs or `-` (stdin) into the
 * store. Every record ends as exactly one of: a stored event, a counted duplicate, or a dead
 * letter. Re-loading anything adds nothing. Batches are transactions, so a killed load leaves
 * only whole batches behind and a re-run completes it.
 *
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
  const loadId = randomUUID();
  const run = new LoadRun(store, loadId, 'bulk', opts);
  let bytesTotal = 0;
  for (const f of resolved.files) bytesTotal += (await stat(f.path).catch(() => null))?.size ?? 0;
  await run.begin(resolved.files.length + (resolved.stdin ? 1 : 0), bytesTotal);
  try {
    for (const f of resolved.files) {
      opts.signal?.throwIfAborted();
      let opened;
      try {
        opened = await openSource(f);
      } catch (err) {
        run.fail(f.name, err, null);
        continue;
      }
      let stream = opened.stream;
      if (f.fromDirectory) {
        // Directories hold text logs and tty files too: only read what looks like JSON.
        const peeked = await peekBytes(stream, 512).catch((err: unknown) => {
          run.fail(f.name, err, null);
          return null;
        });
        if (!peeked) continue;
        if (peeked.head.length === 0) {
          opened.close();
          run.skip(f.name, 'empty');
          continue;
        }
        if (!sniffLooksLikeJson(peeked.head)) {
          opened.close();
          run.skip(f.name, 'not a JSON log (first bytes are not "{")');
          continue;
        }
        stream = peeked.stream;
      }
      await run.readFile(opened.source, opened.compression, stream, { complete: true });
    }
    if (resolved.stdin) {
      const s = await openStdin(`stdin:${loadId}`, opts.stdin);
      await run.readFile(s.source, s.compression, s.stream, { complete: true });
    }
  } finally {
    await run.finish();
  }
  return run.result();
}

