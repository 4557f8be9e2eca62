/**
 * @module A page of one of core's top-N lists (credentials, commands, downloads, fingerprints):
 * core ranks, the API pages with an offset (lists are capped at 10,000 entries by core).
 */
import { topN, type CowrieStore, type QueryFilter, type TopDimension, type TopEntry } from '@cowrieprocessor/core';

/** Deepest entry a top list can page to (core's cap). */
export const TOP_DEPTH = 10_000;

/**
 * Entries `[offset, offset + limit)` of a top list, and whether more follow.
 *
 * @example
 * ```ts
 * const { rows, more } = await topPage(store, 'command', { sensor: 'honey-1' }, 0, 25);
 * ```
 */
export async function topPage(store: CowrieStore, dim: TopDimension, f: QueryFilter, offset: number, limit: number): Promise<{ rows: TopEntry[]; more: boolean }> {
  const want = Math.min(offset + limit + 1, TOP_DEPTH);
  const all = await topN(store, dim, { ...f, limit: want });
  const rows = all.slice(offset, offset + limit);
  return { rows, more: all.length > offset + limit && offset + limit < TOP_DEPTH };
}
