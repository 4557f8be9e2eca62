import type { Insertable } from 'kysely';
import type { IngestCursorsTable } from '../schema.js';
import type { BatchOutcome, PreparedDeadLetter, PreparedEvent } from './batch-types.js';

/** A delta loader's cursor, written in the same transaction as the rows it covers. */
export type CursorUpdate = Omit<Insertable<IngestCursorsTable>, 'id'>;

/** One batch: events, dead letters and, for delta loads, the cursor after them. */
export interface Batch {
  events: readonly PreparedEvent[];
  deadLetters: readonly PreparedDeadLetter[];
  cursor?: CursorUpdate | null;
}

/**
 * The write port of the store: commits a batch atomically. Events are deduplicated on their
 * content hash; derived rows and session aggregates come only from events this batch inserted,
 * so replaying a batch (after a crash, or a second load) adds nothing. Each dialect has its own
 * adapter tuned for it (prepared statements on SQLite, array binds on PostgreSQL).
 */
export interface BatchWriter {
  write(batch: Batch): Promise<BatchOutcome>;
  /**
   * Optional: a long run of batches (a load) starts. Returns what to call when it ends. SQLite
   * uses it to move WAL checkpoints onto a worker thread for the duration.
   */
  startRun?(): () => Promise<void>;
}
