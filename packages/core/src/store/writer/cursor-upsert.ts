import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CursorUpdate } from './batch-writer.js';

/**
 * Upsert a cursor by its stream identity. The offset only moves forward within a generation, so
 * two loaders following the same file can never move it back.
 */
export function cursorUpsert(db: Kysely<Database>, c: CursorUpdate) {
  return db
    .insertInto('ingest_cursors')
    .values(c)
    .onConflict((oc) =>
      oc.columns(['inode', 'first_line_hash']).doUpdateSet({
        source_path: sql`excluded.source_path`,
        compression: sql`excluded.compression`,
        file_size: sql`excluded.file_size`,
        updated_at: sql`excluded.updated_at`,
        generation: sql`case when excluded.generation > ingest_cursors.generation then excluded.generation else ingest_cursors.generation end`,
        byte_offset: sql`case when excluded.generation > ingest_cursors.generation or excluded.byte_offset > ingest_cursors.byte_offset then excluded.byte_offset else ingest_cursors.byte_offset end`,
        line: sql`case when excluded.generation > ingest_cursors.generation or excluded.byte_offset > ingest_cursors.byte_offset then excluded.line else ingest_cursors.line end`,
        complete: sql`case when excluded.complete = 1 then 1 else ingest_cursors.complete end`,
      }),
    );
}
