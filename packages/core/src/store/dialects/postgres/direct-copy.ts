import type pg from 'pg';
import type { PreparedEvent } from '../../writer/batch-types.js';
import { copyIn, rowsCopyText } from './copy-in.js';
import { EVENT_COLUMNS } from './pg-columns.js';
import { columnNames } from './unnest-rows.js';

const COLS = columnNames(EVENT_COLUMNS);
const COPY_EVENTS = `copy raw_events (id, ${COLS.join(', ')}) from stdin`;
// One range of ids from the identity column's sequence in one call (a nextval per row cost 12 ms
// per batch of 5,000). Writers hold the namespace's write lock, so no one takes ids in between;
// if something did, the primary key would refuse the COPY and the batch would take the
// deduplicating path: a race costs speed, never correctness.
const TAKE_IDS = `select setval(q.s, nextval(q.s) + $1::int8 - 1) as last from (select pg_get_serial_sequence('raw_events', 'id')::regclass as s) q`;
const SAVEPOINT = 'cowrie_direct_events';

/**
 * Events in COPY's text format, one line each: the id first when `ids` is given, else the batch
 * position last (`ord`, what the staging table sorts by).
 */
export function eventsCopyText(events: readonly PreparedEvent[], ids: readonly number[] | null): Buffer {
  return rowsCopyText(events.map((e) => e.row as Record<string, unknown>), COLS, ids ? { lead: ids } : { ord: true });
}

/**
 * The fast path for a batch of new events: ids taken from the table's sequence up front, then one
 * `COPY` straight into `raw_events`. It skips the staging table, the deduplicating
 * `INSERT … SELECT` and `RETURNING`; on this machine that is about 40 % of the server's work for
 * events (bench/store-floor-pg.mjs and a direct variant: 2.6–2.7 s against 1.5 s per 236,864).
 * COPY cannot skip a duplicate: the unique `(ts, content_hash)` index refuses the whole COPY, and
 * then so does anything else the table refuses. Either way the batch is rolled back to a savepoint
 * and the caller takes the deduplicating path, which counts duplicates and judges bad rows as
 * always. Returns the ids in batch order, or null after such a refusal. The ids a refused attempt
 * took are not reused (sequences never go back): gaps, never doubles.
 *
 * @example
 * ```ts
 * const ids = await copyEventsDirect(client, batch.events);
 * if (ids === null) await moveThroughStaging(client, batch.events);
 * ```
 */
export async function copyEventsDirect(client: pg.ClientBase, events: readonly PreparedEvent[]): Promise<number[] | null> {
  await client.query(`savepoint ${SAVEPOINT}`);
  try {
    const r = await client.query<{ last: string }>(TAKE_IDS, [events.length]);
    const first = Number(r.rows[0]!.last) - events.length + 1;
    const ids = Array.from({ length: events.length }, (_, i) => first + i);
    await copyIn(client, COPY_EVENTS, eventsCopyText(events, ids));
    await client.query(`release savepoint ${SAVEPOINT}`);
    return ids;
  } catch {
    // A connection that cannot roll back to the savepoint is broken: that error propagates.
    await client.query(`rollback to savepoint ${SAVEPOINT}`);
    return null;
  }
}
