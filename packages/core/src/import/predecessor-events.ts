import { sql } from 'kysely';
import type { PredecessorDb } from './open-predecessor.js';
import { restorePayload } from './restore-payload.js';

/** One file as the predecessor identified it. */
export interface PredecessorSource {
  source: string;
  inode: string | null;
  generation: number;
  rows: number;
}

/** Counts gathered while streaming payloads back. */
export interface PayloadStats {
  restoredCommands: number;
  lostCommands: number;
  withoutPosition: number;
  unreadable: number;
}

const PAGE = 5_000;

/**
 * The files the predecessor read, with how many stored events each has.
 *
 * @example
 * ```ts
 * for (const s of await predecessorSources(old)) console.log(s.source, s.rows);
 * ```
 */
export async function predecessorSources(old: PredecessorDb): Promise<PredecessorSource[]> {
  const rows = await old.db.selectFrom('raw_events')
    .select(['source', 'source_inode', 'source_generation', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['source', 'source_inode', 'source_generation'])
    .orderBy('source').orderBy('source_inode').orderBy('source_generation')
    .execute();
  return rows.map((r) => ({ source: String(r.source), inode: r.source_inode == null ? null : String(r.source_inode), generation: Number(r.source_generation ?? 0), rows: Number(r.n) }));
}

/**
 * A byte stream that puts every stored event of one source back on its original line: the
 * predecessor's 0-based `source_offset` becomes our 1-based line by padding with blank lines
 * (which the reader skips), so the records keep their positional identity. Events without an
 * offset follow after the last positioned one.
 */
export async function* payloadStream(old: PredecessorDb, s: PredecessorSource, stats: PayloadStats): AsyncGenerator<Buffer> {
  const same = (qb: any) => {
    let q = qb.where('source', '=', s.source).where('source_generation', '=', s.generation);
    q = s.inode === null ? q.where('source_inode', 'is', null) : q.where('source_inode', '=', s.inode);
    return q;
  };
  let nextLine = 0; // 0-based index of the next line the stream will produce
  let after = -1;
  for (;;) {
    const page = await same(old.db.selectFrom('raw_events'))
      .select(['source_offset', sql<string>`cast(payload as text)`.as('payload')])
      .where('source_offset', '>', after)
      .orderBy('source_offset').limit(PAGE).execute() as Array<{ source_offset: number | string; payload: string }>;
    if (page.length === 0) break;
    const parts: string[] = [];
    for (const r of page) {
      const offset = Number(r.source_offset);
      if (offset > nextLine) parts.push('\n'.repeat(offset - nextLine));
      parts.push(lineOf(r.payload, stats), '\n');
      nextLine = offset + 1;
      after = offset;
    }
    yield Buffer.from(parts.join(''));
  }
  let lastId = -1;
  for (;;) {
    const page = await same(old.db.selectFrom('raw_events'))
      .select(['id', sql<string>`cast(payload as text)`.as('payload')])
      .where('source_offset', 'is', null).where('id', '>', lastId)
      .orderBy('id').limit(PAGE).execute() as Array<{ id: number | string; payload: string }>;
    if (page.length === 0) break;
    stats.withoutPosition += page.length;
    lastId = Number(page[page.length - 1]!.id);
    yield Buffer.from(page.map((r) => lineOf(r.payload, stats) + '\n').join(''));
  }
}

function lineOf(payload: string, stats: PayloadStats): string {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    stats.unreadable++;
    return payload.replace(/[\r\n]+/g, ' '); // our loader dead-letters it with its original bytes
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return JSON.stringify(value);
  const r = restorePayload(value as Record<string, unknown>);
  if (r.restored) stats.restoredCommands++;
  if (r.lost) stats.lostCommands++;
  return r.text;
}
