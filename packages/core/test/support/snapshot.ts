import type { CowrieStore } from '../../src/index.js';

// Columns that legitimately differ between two databases holding the same data.
const VOLATILE = new Set(['id', 'event_id', 'created_at', 'updated_at', 'source_id']);

/**
 * The content of every data table as sorted JSON lines, without surrogate ids and load-specific
 * columns: two stores with equal snapshots hold the same events, sessions and derived rows.
 * `positions: false` also ignores where records were read (file, line, offset): a delta load
 * reads a line from the live file that a later bulk load finds in the rotated one.
 */
export async function snapshot(store: CowrieStore, opts: { positions?: boolean } = {}): Promise<Record<string, string[]>> {
  const skip = opts.positions === false ? new Set([...VOLATILE, 'line', 'byte_offset']) : VOLATILE;
  const out: Record<string, string[]> = {};
  // Positional identity through the file path (source ids differ between loads).
  const paths = new Map((await store.db.selectFrom('sources').select(['id', 'source_path']).execute()).map((r) => [String(r.id), r.source_path]));
  for (const t of ['raw_events', 'sessions', 'commands', 'auth_attempts', 'downloads', 'ssh_keys', 'tcp_forwards', 'dead_letters'] as const) {
    const rows = (await store.db.selectFrom(t).selectAll().execute()) as Array<Record<string, unknown>>;
    out[t] = rows
      .map((r) => JSON.stringify([
        ['source_path', r.source_id === undefined || opts.positions === false ? undefined : paths.get(String(r.source_id))],
        ...Object.keys(r).sort().filter((k) => !skip.has(k)).map((k) => [k, normalise(k, r[k])]),
      ]))
      .sort();
  }
  return out;
}

function normalise(column: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  // JSON payloads: compare content (PostgreSQL returns parsed JSON, SQLite text).
  if (column === 'payload') return JSON.stringify(typeof v === 'string' ? JSON.parse(v) : v);
  return String(v);
}
