import { basename } from 'node:path';
import type { InputSource } from '../input/types.js';
import type { CowrieStore } from '../store/open-store.js';

/** `sources.compression` of files re-ingested from a predecessor database. */
export const IMPORTED = 'predecessor-import';

/**
 * The lines of `source` that a predecessor import already stored (events and dead letters), or
 * `null` when none was imported for it. A predecessor source matches by its absolute path, or by
 * inode together with the file name (the same file seen through another mount point).
 *
 * @example
 * ```ts
 * const lines = await importedLines(store, source);
 * if (lines?.has(rec.line)) { // already stored by the import: a duplicate
 * }
 * ```
 */
export async function importedLines(store: CowrieStore, source: InputSource): Promise<Set<number> | null> {
  if (!source.path) return null;
  const candidates = await store.db.selectFrom('sources').select(['id', 'source', 'source_path', 'inode']).where('compression', '=', IMPORTED).execute();
  const ids = candidates
    .filter((c) => c.source_path === source.path || (c.inode !== null && c.inode === source.inode && basename(c.source) === basename(source.path!)))
    .map((c) => Number(c.id));
  if (ids.length === 0) return null;
  const lines = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    for (const r of await store.db.selectFrom('raw_events').select('line').where('source_id', 'in', part).execute()) lines.add(Number(r.line));
    for (const r of await store.db.selectFrom('dead_letters').select('line').where('source_id', 'in', part).execute()) lines.add(Number(r.line));
  }
  return lines;
}
