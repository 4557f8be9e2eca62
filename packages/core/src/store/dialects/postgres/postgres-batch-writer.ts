import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schema.js';
import type { BatchOutcome } from '../../writer/batch-types.js';
import type { Batch, BatchWriter } from '../../writer/batch-writer.js';
import { cursorUpsert } from '../../writer/cursor-upsert.js';
import { batchOutcome, freshRows } from '../../writer/fresh-rows.js';
import { upsertSessions } from '../../writer/upsert-sessions.js';
import { chunkRows, withWriteTransactionOn } from '../../writer/with-write-transaction.js';

/**
 * PostgreSQL writer: one transaction per batch with multi-row statements; `RETURNING` tells which
 * events were new. Writers of the same namespace take a transaction-scoped advisory lock, so two
 * loaders on the same files queue batch by batch instead of deadlocking on session rows.
 */
export function createPostgresBatchWriter(db: Kysely<Database>, namespace: string, maxParams: number): BatchWriter {
  return {
    write: (batch) =>
      withWriteTransactionOn(db, 'BEGIN', async (trx): Promise<BatchOutcome> => {
        await sql`select pg_advisory_xact_lock(hashtext(${'cowrieprocessor:write:' + namespace}))`.execute(trx);
        const ids = new Map<string, number>();
        for (const part of chunkRows(batch.events.map((e) => e.row), maxParams)) {
          // Target-less: the (ts, hash) index and the untimed-hash index both deduplicate.
          const rows = await trx.insertInto('raw_events').values(part)
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
        const tables = [['commands', rows.commands], ['auth_attempts', rows.auth], ['downloads', rows.downloads], ['ssh_keys', rows.sshKeys], ['tcp_forwards', rows.forwards]] as const;
        for (const [t, list] of tables) for (const part of chunkRows(list, maxParams)) await trx.insertInto(t as 'commands').values(part as never).execute();
        await upsertSessions(trx, rows.sessions, maxParams);
        if (batch.cursor) await cursorUpsert(trx, batch.cursor).execute();
        return batchOutcome(batch, fresh.length, deadHashes, rows.sessions);
      }),
  };
}
