import type { Compilable, Kysely } from 'kysely';
import type pg from 'pg';
import { nowIso } from '../../../util/now-iso.js';
import type { Database } from '../../schema.js';
import type { BatchOutcome, PreparedEvent } from '../../writer/batch-types.js';
import type { Batch, BatchWriter } from '../../writer/batch-writer.js';
import { cursorUpsert } from '../../writer/cursor-upsert.js';
import { batchOutcome, freshRows } from '../../writer/fresh-rows.js';
import { sessionRow } from '../../writer/session-row.js';
import { mergeSessionRows } from '../../writer/upsert-sessions.js';
import { chunkRows } from '../../writer/with-write-transaction.js';
import { copyIn, copyValue } from './copy-in.js';
import { DERIVED_COLUMNS, EVENT_COLUMNS, SESSION_COLUMNS } from './pg-columns.js';
import { columnNames, unnestRows } from './unnest-rows.js';

// Events are copied into a per-connection staging table, then moved with one INSERT … SELECT that
// deduplicates and returns the new ids. Temporary and emptied at commit: never WAL-logged, never
// seen by another connection.
const STAGE = 'cowrie_stage_events';
const STAGE_COLS = columnNames(EVENT_COLUMNS);
const CREATE_STAGE = `create temp table if not exists ${STAGE} (${EVENT_COLUMNS.map(([n, t]) => `${n} ${t === 'json' ? 'text' : t}`).join(', ')}, ord int4) on commit delete rows`;
const COPY_STAGE = `copy ${STAGE} (${STAGE_COLS.join(', ')}, ord) from stdin`;
// Target-less ON CONFLICT: the (ts, hash) index and the untimed-hash index both deduplicate.
const MOVE_STAGE = `insert into raw_events (${STAGE_COLS.join(', ')}) select ${EVENT_COLUMNS.map(([n, t]) => (t === 'json' ? `${n}::json` : n)).join(', ')}
  from ${STAGE} order by ord on conflict do nothing returning id, content_hash`;

function copyText(events: readonly PreparedEvent[]): Buffer {
  const lines = new Array<string>(events.length);
  for (let i = 0; i < events.length; i++) {
    const row = events[i]!.row as Record<string, unknown>;
    let line = '';
    for (const name of STAGE_COLS) line += `${copyValue(row[name])}\t`;
    lines[i] = `${line}${i}`;
  }
  return Buffer.from(lines.length > 0 ? `${lines.join('\n')}\n` : '');
}

/**
 * PostgreSQL writer: one transaction per batch on one pooled connection. Events travel by
 * `COPY` (the cheapest path into the server), derived rows and sessions as column arrays
 * (`unnest`); `RETURNING` tells which events were new. Writers of the same namespace take a
 * transaction-scoped advisory lock, so two loaders on the same files queue batch by batch
 * instead of deadlocking on session rows.
 */
export function createPostgresBatchWriter(db: Kysely<Database>, pool: pg.Pool, namespace: string, maxParams: number): BatchWriter {
  const staged = new WeakSet<pg.PoolClient>();
  const run = (client: pg.PoolClient, q: Compilable<unknown>) => {
    const c = q.compile();
    return client.query(c.sql, c.parameters as unknown[]);
  };
  const write = async (client: pg.PoolClient, batch: Batch): Promise<BatchOutcome> => {
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [`cowrieprocessor:write:${namespace}`]);
    const ids = new Map<string, number>();
    if (batch.events.length > 0) {
      await copyIn(client, COPY_STAGE, copyText(batch.events));
      const moved = await client.query<{ id: string; content_hash: Buffer }>(MOVE_STAGE);
      for (const r of moved.rows) ids.set(r.content_hash.toString('hex'), Number(r.id));
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
      const r = await run(client, db.insertInto('dead_letters').values(part).onConflict((oc) => oc.column('content_hash').doNothing()).returning('content_hash'));
      for (const row of r.rows as Array<{ content_hash: Buffer }>) deadHashes.add(row.content_hash.toString('hex'));
    }
    const rows = freshRows(fresh);
    for (const [kind, { table, cols }] of Object.entries(DERIVED_COLUMNS)) {
      const list = rows[kind as keyof typeof DERIVED_COLUMNS];
      if (list.length > 0) await run(client, db.insertInto(table as 'commands').columns(columnNames(cols) as never).expression(unnestRows(cols, list) as never));
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
