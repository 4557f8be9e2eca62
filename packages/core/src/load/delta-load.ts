import { randomUUID } from 'node:crypto';
import { InputError } from '../errors/index.js';
import { openSource, resolveInputs, type ResolvedFile } from '../input/index.js';
import type { CowrieStore } from '../store/open-store.js';
import type { IngestCursorsTable } from '../store/schema.js';
import { nowIso } from '../util/now-iso.js';
import { identifyFile, mayStillGrow, type FileIdentity } from './file-identity.js';
import type { LoadOptions, LoadResult } from './load-types.js';
import { LoadRun } from './load-run.js';

type Cursor = Omit<IngestCursorsTable, 'id'> & { id: number | string };

/**
 * Load what is new in files that Cowrie is still writing and rotating. A cursor per file content
 * stream (inode + hash of its first line) is committed in the same transaction as the rows it
 * covers, so a killed run resumes exactly where the last committed batch ended. Handles appends,
 * rotation (the live file renamed and a new one started), truncation and rewrites (Cowrie's
 * `plain` mode restarting, copytruncate), compressed rotated copies (their records are
 * duplicates), and an unfinished last line (left `pending` for the next run).
 *
 * @example
 * ```ts
 * const r = await deltaLoad(store, ['/srv/cowrie/var/log/cowrie'], { sensor: 'honey-1' });
 * for (const w of r.warnings) console.warn(w.message);
 * ```
 */
export async function deltaLoad(store: CowrieStore, inputs: string[], opts: LoadOptions = {}): Promise<LoadResult> {
  const resolved = await resolveInputs(inputs, { cwd: opts.cwd });
  if (resolved.missing.length > 0) {
    throw new InputError('INPUT_NOT_FOUND', `no such file, directory or glob match: ${resolved.missing.join(', ')}`, { file: resolved.missing[0] });
  }
  if (resolved.stdin) throw new InputError('DELTA_STDIN', 'delta loads follow files; use `load bulk -` for stdin', { file: '-' });
  const run = new LoadRun(store, randomUUID(), 'delta', opts);
  await run.begin(resolved.files.length);
  return run.complete(async () => {
    for (const f of resolved.files) {
      opts.signal?.throwIfAborted();
      await loadOne(store, run, f);
    }
  });
}

async function loadOne(store: CowrieStore, run: LoadRun, f: ResolvedFile): Promise<void> {
  let id: FileIdentity;
  try {
    id = await identifyFile(f, true);
  } catch (err) {
    run.fail(f.name, err, null);
    return;
  }
  if (f.fromDirectory && !id.looksLikeJson) {
    run.skip(f.name, id.size === 0 ? 'empty' : 'not a JSON log (first bytes are not "{")');
    return;
  }
  const grows = mayStillGrow(f.path, id.compression);
  if (id.firstLineHash === null) {
    if (id.size > 0) run.pendingOnly(f.name, id.size);
    return; // not even one complete line yet
  }
  const plan = await planRead(store, f, id);
  if (plan.skip) {
    run.skip(f.name, plan.skip);
    return;
  }
  if (plan.warning) run.warn(plan.warning);
  const opened = await openSource(f, { startAt: plan.start.offset, generation: plan.generation }).catch((err: unknown) => {
    run.fail(f.name, err, null);
    return null;
  });
  if (!opened) return;
  if (opened.source.inode !== null && opened.source.inode !== id.inode) {
    // Rotated between identification and opening: leave it to the next run (nothing read).
    opened.close();
    run.skip(f.name, 'rotated while being opened; read on the next run');
    return;
  }
  const firstLineHash = id.firstLineHash;
  let failed = false;
  const end = await run.readFile(opened.source, opened.compression, opened.stream, {
    complete: !grows,
    start: { offset: plan.start.offset, line: plan.start.line },
    cursor: (pos, final) => ({
      source_path: f.path, inode: id.inode, first_line_hash: firstLineHash, generation: plan.generation,
      compression: id.compression, byte_offset: pos.offset, line: pos.line - 1, file_size: id.size,
      complete: final && !grows && !failed ? 1 : 0, updated_at: nowIso(),
    }),
    onFailed: () => {
      failed = true;
    },
  });
  void end;
}

interface ReadPlan {
  start: { offset: number; line: number };
  generation: number;
  skip?: string;
  warning?: LoadResult['warnings'][number];
}

async function planRead(store: CowrieStore, f: ResolvedFile, id: FileIdentity): Promise<ReadPlan> {
  const same = (await store.db.selectFrom('ingest_cursors').selectAll()
    .where('inode', '=', id.inode).where('first_line_hash', '=', id.firstLineHash!).executeTakeFirst()) as Cursor | undefined;
  if (same) {
    const offset = Number(same.byte_offset);
    if (Number(same.complete) === 1 && Number(same.file_size) === id.size) return { start: { offset, line: Number(same.line) + 1 }, generation: same.generation, skip: 'unchanged since the last run' };
    if (id.compression === 'none' && id.size < offset) {
      // Same first line but shorter than what we read: truncated and rewritten.
      return {
        start: { offset: 0, line: 1 }, generation: same.generation + 1,
        warning: truncation(f, offset, Number(same.file_size), 'was truncated and rewritten (same first line)'),
      };
    }
    return { start: { offset, line: Number(same.line) + 1 }, generation: same.generation };
  }
  // A new content stream at this path: a fresh file after rotation, or the old one truncated.
  const prior = (await store.db.selectFrom('ingest_cursors').selectAll().where('source_path', '=', f.path)
    .orderBy('updated_at', 'desc').limit(1).executeTakeFirst()) as Cursor | undefined;
  if (!prior) return { start: { offset: 0, line: 1 }, generation: 0 };
  if (prior.inode === id.inode) {
    return {
      start: { offset: 0, line: 1 }, generation: prior.generation + 1,
      warning: truncation(f, Number(prior.byte_offset), Number(prior.file_size), 'was truncated or rewritten in place'),
    };
  }
  return { start: { offset: 0, line: 1 }, generation: prior.generation + 1 };
}

function truncation(f: ResolvedFile, readUpTo: number, lastSize: number, what: string): LoadResult['warnings'][number] {
  const unread = lastSize > readUpTo ? `bytes ${readUpTo}–${lastSize} seen at the last run were never read, and anything written after it` : `anything written after byte ${readUpTo} since the last run`;
  return {
    code: 'TRUNCATED',
    file: f.name,
    message: `${f.name} ${what}: ${unread} may be lost (Cowrie's plain mode truncates on restart; logrotate copytruncate does too)`,
    fromByte: readUpTo,
    toByte: null,
  };
}
