import type { CowrieStore } from '../../src/index.js';

// Columns that legitimately differ between two databases holding the same data.
const VOLATILE = new Set(['id', 'event_id', 'load_id', 'ingested_at', 'created_at', 'updated_at', 'source', 'payload', 'raw']);

/**
 * The content of every data table as sorted JSON lines, without surrogate ids and load-specific
 * columns: two stores with equal snapshots hold the same events, sessions and derived rows.
 */
export async function snapshot(store: CowrieStore): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of ['raw_events', 'sessions', 'commands', 'auth_attempts', 'downloads', 'ssh_keys', 'tcp_forwards', 'dead_letters'] as const) {
    const rows = (await store.db.selectFrom(t).selectAll().execute()) as Array<Record<string, unknown>>;
    out[t] = rows
      .map((r) => JSON.stringify(Object.keys(r).sort().filter((k) => !VOLATILE.has(k)).map((k) => [k, r[k] === null ? null : String(r[k])])))
      .sort();
  }
  return out;
}
