import type { Kysely } from 'kysely';
import { StoreError } from '../../errors/index.js';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Migration } from './migration.js';

const DROPPED = ['commands_event_uq', 'auth_attempts_event_uq', 'downloads_event_uq', 'tcp_forwards_event_uq'];

/**
 * Schema step 4: drop the unique `event_id` indexes of the derived tables. Derived rows are only
 * written in the transaction that inserted their event, so they cannot be doubled; no query
 * looks rows up by `event_id`; and each index cost a B-tree insert per derived row on the
 * loader's hot path (tcp_forwards alone is about a third of all events).
 */
export const leanIngestIndexes: Migration = {
  version: 4,
  name: 'lean-ingest-indexes',
  async up(db: Kysely<any>) {
    for (const name of DROPPED) await db.schema.dropIndex(name).ifExists().execute();
  },
  async verify(db: Kysely<any>, d: DialectAdapter) {
    const left = (await d.listIndexes(db)).filter((n) => DROPPED.includes(n));
    if (left.length > 0) throw new StoreError('MIGRATION_VERIFY_FAILED', `migration check failed: index ${left.join(', ')} still exists`);
  },
};
