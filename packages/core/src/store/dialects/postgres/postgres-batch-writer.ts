import type { Compilable, Kysely } from 'kysely';
import type pg from 'pg';
import { nowIso } from '../../../util/now-iso.js';
import type { Database } from '../../schema.js';
import type { BatchOutcome } from '../../writer/batch-types.js';
import type { Batch, BatchWriter } from '../../writer/batch-writer.js';
import { cursorUpsert } from '../../writer/cursor-upsert.js';
import { batchOutcome, freshRows } from '../../writer/fresh-rows.js';
import { sessionRow } from '../../writer/session-row.js';
import { mergeSessionRows } from '../../writer/upsert-sessions.js';
import { chunkRows } from '../../writer/with-write-transaction.js';
import { copyIn, rowsCopyText } from './copy-in.js';
import { copyEventsDirect, eventsCopyText } from './direct-copy.js';
import { DERIVED_COLUMNS, EVENT_COLUMNS, SESSION_COLUMNS } from './pg-columns.js';
import { columnNames, unnestRows } from './unnest-rows.js';

// New events go straight into raw_events by COPY (direct-copy.ts). When the table refuses that
// (a duplicate), they are copied into a per-connection staging table instead, then moved with one
// INSERT … SELECT that deduplicates and returns the new ids. Temporary and emptied at commit:
// never WAL-logged, never seen by another connection.
const STAGE = 'cowrie_stage_events';
const STAGE_COLS = columnNames(EVENT_COLUMNS);
const DERIVED_COPY = Object.fromEntries(Object.entries(DERIVED_COLUMNS).map(([k, { table, cols }]) => [k, `copy ${table} (${columnNames(cols).join(', ')}) from stdin`])) as
  Record<keyof typeof DERIVED_COLUMNS, string>;
const CREATE_STAGE = `create temp table if not exists ${STAGE} (${EVENT_COLUMNS.map(([n, t]) => `${n} ${t === 'json' ? 'text' : t}`).join(', ')}, ord int4) on commit delete rows`;
const COPY_STAGE = `copy ${STAGE} (${STAGE_COLS.join(', ')}, ord) from stdin`;
// Target-less ON CONFLICT: the (ts, hash) index and the untimed-hash index both deduplicate.
const MOVE_STAGE = `insert into raw_events (${STAGE_COLS.join(', ')}) select ${EVENT_COLUMNS.map(([n, t]) => (t === 'json' ? `${n}::json` : n)).join(', ')}
  from ${STAGE} order by ord on conflict do nothing returning id, content_hash`;

// After the fast path meets a duplicate (a reload, an overlap), the next batches likely hold
// duplicates too: go straight to the deduplicating path for a while before trying again.
const SKIP_AFTER_MISS = 16;

/**
 * PostgreSQL writer: one transaction per batch on one pooled connection. Events and derived rows
 * travel by `COPY` (the cheapest path into the server), sessions as column arrays (`unnest`)
 * merged by an upsert. A batch of new events is copied straight into `raw_events` with ids taken
 * from its sequence; a batch the table refuses (a duplicate) goes through the staging table,
 * where `ON CONFLICT DO NOTHING RETURNING` tells which events were new. Writers of the same
 * namespace take a transaction-scoped advisory lock, so two loaders on the same files queue batch
 * by batch instead of deadlocking on session rows.
 */
export function createPostgresBatchWriter(db: Kysely<Database>, pool: pg.Pool, namespace: string, maxParams: number): BatchWriter {
  const staged = new WeakSet<pg.PoolClient>();
  // Batches left before the fast path is tried again (see SKIP_AFTER_MISS).
  let skipDirect = 0;
  const run = (client: pg.PoolClient, q: Compilable<unknown>) => {
    const c = q.compile();
    return client.query(c.sql, c.parameters as unknown[]);
  };
  const write = async (client: pg.PoolClient, batch: Batch): Promise<BatchOutcome> => {
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [`cowrieprocessor:write:${namespace}`]);
    let fresh: Array<{ ev: (typeof batch.events)[number]; id: number }> = [];
    const direct = batch.events.length > 0 && skipDirect === 0 ? await copyEventsDirect(client, batch.events) : null;
    if (direct) fresh = batch.events.map((ev, i) => ({ ev, id: direct[i]! }));
    else if (batch.events.length > 0) {
      if (skipDirect > 0) skipDirect--;
      else skipDirect = SKIP_AFTER_MISS;
      const ids = new Map<string, number>();
      await copyIn(client, COPY_STAGE, eventsCopyText(batch.events, null));
      const moved = await client.query<{ id: string; content_hash: Buffer }>(MOVE_STAGE);
      for (const r of moved.rows) ids.set(r.content_hash.toString('hex'), Number(r.id));
      for (const ev of batch.events) {
        const key = ev.row.content_hash.toString('hex');
        const id = ids.get(key);
        if (id === undefined) continue;
        ids.delete(key); // a second copy in the same batch is a duplicate
        fresh.push({ ev, id });
      }
    }
    const deadHashes = new Set<string>();
    for (const part of chunkRows(batch.deadLetters, maxParams)) {
      const r = await run(client, db.insertInto('dead_letters').values(part).onConflict((oc) => oc.column('content_hash').doNothing()).returning('content_hash'));
      for (const row of r.rows as Array<{ content_hash: Buffer }>) deadHashes.add(row.content_hash.toString('hex'));
    }
    const rows = freshRows(fresh);
    for (const [kind, { table, cols }] of Object.entries(DERIVED_COLUMNS)) {
      const list = rows[kind as keyof typeof DERIVED_COLUMNS];
      // Derived rows never conflict (written only with their new event): COPY, the cheapest path.
      if (list.length > 0) await copyIn(client, DERIVED_COPY[kind as keyof typeof DERIVED_COLUMNS], rowsCopyText(list, columnNames(cols)));
    }
    if (rows.sessions.length > 0) {
      const now = nowIso();
      await run(client, db.insertInto('sessions').columns(columnNames(SESSION_COLUMNS) as never)
        .expression(unnestRows(SESSION_COLUMNS, rows.sessions.map((d) => sessionRow(d, now))) as never)
        .onConflict(mergeSessionRows));
    }
    if (batch.cursor) await run(client, cursorUpsert(db, batch.cursor));
    return batchOutcome(batch, fresh.length, deadHashes, rows.sessions);
  };
  return {
    async write(batch) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        // Outside the batch's transaction: a rolled-back batch must not take the table with it.
        if (!staged.has(client)) {
          await client.query(CREATE_STAGE);
          staged.add(client);
        }
        await client.query('BEGIN');
        try {
          const out = await write(client, batch);
          await client.query('COMMIT');
          return out;
        } catch (err) {
          await client.query('ROLLBACK').catch((e: Error) => {
            broken = e; // a connection that cannot even roll back is not given back to the pool
          });
          throw err;
        }
      } finally {
        client.release(broken);
      }
    },
  };
}
