import type { Kysely } from 'kysely';
import { StoreError } from '../../errors/index.js';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Migration } from './migration.js';

const DROPPED = ['commands_event_uq', 'auth_attempts_event_uq', 'downloads_event_uq', 'tcp_forwards_event_uq'];
const ADDED = 'raw_events_source_line_idx';

/**
 * Schema step 4: indexes that earn their cost on ingest.
 * - Drop the unique `event_id` indexes of the derived tables. Derived rows are only written in the
 *   transaction that inserted their event, so they cannot be doubled; no query looks rows up by
 *   `event_id`; and each index cost a B-tree insert per derived row on the loader's hot path
 *   (tcp_forwards alone is about a third of all events).
 * - Add `raw_events (source_id, line)`: a load of a file a predecessor import already stored
 *   looks up that file's lines by position, which without it is a scan of every event per file.
 *   Within a load the key only grows, so each insert lands on the index's last page.
 */
export const leanIngestIndexes: Migration = {
  version: 4,
  name: 'ingest-indexes',
  async up(db: Kysely<any>) {
    for (const name of DROPPED) await db.schema.dropIndex(name).ifExists().execute();
    await db.schema.createIndex(ADDED).ifNotExists().on('raw_events').columns(['source_id', 'line']).execute();
  },
  async verify(db: Kysely<any>, d: DialectAdapter) {
    const indexes = await d.listIndexes(db);
    const left = indexes.filter((n) => DROPPED.includes(n));
    if (left.length > 0) throw new StoreError('MIGRATION_VERIFY_FAILED', `migration check failed: index ${left.join(', ')} still exists`);
    if (!indexes.includes(ADDED)) throw new StoreError('MIGRATION_VERIFY_FAILED', `migration check failed: index ${ADDED} is missing`);
  },
};
