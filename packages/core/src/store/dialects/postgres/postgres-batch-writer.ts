import { sql, type Kysely } from 'kysely';
import { nowIso } from '../../../util/now-iso.js';
import type { Database } from '../../schema.js';
import type { BatchOutcome } from '../../writer/batch-types.js';
import type { Batch, BatchWriter } from '../../writer/batch-writer.js';
import { cursorUpsert } from '../../writer/cursor-upsert.js';
import { batchOutcome, freshRows } from '../../writer/fresh-rows.js';
import { sessionRow } from '../../writer/session-row.js';
import { mergeSessionRows } from '../../writer/upsert-sessions.js';
import { chunkRows, withWriteTransactionOn } from '../../writer/with-write-transaction.js';
import { DERIVED_COLUMNS, EVENT_COLUMNS, SESSION_COLUMNS } from './pg-columns.js';
import { columnNames, unnestRows } from './unnest-rows.js';

/**
 * PostgreSQL writer: one transaction per batch, one statement per table with every row passed as
 * column arrays (`unnest`); `RETURNING` tells which events were new. Writers of the same
 * namespace take a transaction-scoped advisory lock, so two loaders on the same files queue
 * batch by batch instead of deadlocking on session rows.
 */
export function createPostgresBatchWriter(db: Kysely<Database>, namespace: string, maxParams: number): BatchWriter {
  return {
    write: (batch) =>
      withWriteTransactionOn(db, 'BEGIN', async (trx): Promise<BatchOutcome> => {
        await sql`select pg_advisory_xact_lock(hashtext(${'cowrieprocessor:write:' + namespace}))`.execute(trx);
        const ids = new Map<string, number>();
        if (batch.events.length > 0) {
          // Target-less: the (ts, hash) index and the untimed-hash index both deduplicate.
          const rows = await trx.insertInto('raw_events').columns(columnNames(EVENT_COLUMNS) as never)
            .expression(unnestRows(EVENT_COLUMNS, batch.events.map((e) => e.row as Record<string, unknown>)) as never)
            .onConflict((oc) => oc.doNothing())
            .returning(['id', 'content_hash']).execute();
          for (const r of rows) ids.set(r.content_hash.toString('hex'), Number(r.id));
        }
        const fresh = [];
        for (const ev of batch.events) {
          const key = ev.row.content_hash.toString('hex');
          const id = ids.get(key);
          if (id === undefined) continue;
          ids.delete(key); // a second copy in the same batch is a duplicate
          fresh.push({ ev, id });
        }
        const deadHashes = new Set<string>();
        for (const part of chunkRows(batch.deadLetters, maxParams)) {
          const rows = await trx.insertInto('dead_letters').values(part)
            .onConflict((oc) => oc.column('content_hash').doNothing())
            .returning('content_hash').execute();
          for (const r of rows) deadHashes.add(r.content_hash.toString('hex'));
        }
        const rows = freshRows(fresh);
        for (const [kind, { table, cols }] of Object.entries(DERIVED_COLUMNS)) {
          const list = rows[kind as keyof typeof DERIVED_COLUMNS];
          if (list.length === 0) continue;
          await trx.insertInto(table as 'commands').columns(columnNames(cols) as never).expression(unnestRows(cols, list) as never).execute();
        }
        if (rows.sessions.length > 0) {
          const now = nowIso();
          await trx.insertInto('sessions').columns(columnNames(SESSION_COLUMNS) as never)
            .expression(unnestRows(SESSION_COLUMNS, rows.sessions.map((d) => sessionRow(d, now))) as never)
            .onConflict(mergeSessionRows).execute();
        }
        if (batch.cursor) await cursorUpsert(trx, batch.cursor).execute();
        return batchOutcome(batch, fresh.length, deadHashes, rows.sessions);
      }),
  };
}
