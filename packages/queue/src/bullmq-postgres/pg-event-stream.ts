import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { QueueEventSource } from '../bullmq/bullmq-connection.js';
import { pgEventArgs, type EventRow } from './pg-event-args.js';
import { holeTracker } from './pg-event-holes.js';

/** Options of {@link openPgEventStream}. */
export interface PgEventStreamOptions {
  /** PostgreSQL URL (without `?schema=`). */
  connectionString: string;
  /** Schema of BullMQ's tables. */
  schema: string;
  /** Every queue of the schema: ids of queues left out would look like gaps. */
  queues: readonly string[];
  /** Poll when no NOTIFY came (BullMQ skips NOTIFYs under contention), default 500 ms. */
  idleMs?: number;
  /** Re-read unfilled gaps this often while there are any, default 25 ms. */
  gapMs?: number;
}

/** One reader of a BullMQ-on-PostgreSQL schema's event table, fanned out per queue. */
export interface PgEventStream {
  /** The events of `queue`, emitted as BullMQ's QueueEvents emits them. */
  forQueue(queue: string): QueueEventSource;
  close(): Promise<void>;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
const PAGE = 1000;

/**
 * A gap-aware reader of BullMQ's PostgreSQL event stream, in place of QueueEvents. BullMQ pages
 * the `event` table by `id > last id seen`, but ids come from a sequence when the row is
 * inserted, not when its transaction commits: under concurrency an event with a lower id commits
 * after a higher one was read and is skipped for good (about 1 in 5 `completed` events at 1,000
 * jobs with two workers). This reader reads every queue of the schema, so consecutive ids are
 * expected, and keeps re-reading the missing ones until they appear or a TTL says they never will
 * (rolled back or trimmed). One connection per engine: it LISTENs for BullMQ's wakeups and polls.
 *
 * @example
 * ```ts
 * const stream = openPgEventStream({ connectionString: 'postgres://…/test', schema: 'jobs', queues: ['ping', 'cowrie-control'] });
 * stream.forQueue('ping').on('completed', ({ jobId, returnvalue }) => console.log(jobId, returnvalue));
 * ```
 */
export function openPgEventStream(o: PgEventStreamOptions): PgEventStream {
  const table = `${quote(o.schema)}.event`;
  const seq = `${quote(o.schema)}.event_seq`;
  const emitters = new Map<string, EventEmitter>();
  const holes = holeTracker();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let cursor: number | null = null;
  let closed = false;
  let polling: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString: o.connectionString, keepAlive: true });
    c.on('error', () => undefined); // a dropped connection is rebuilt on the next poll
    c.on('end', () => {
      if (client === c) client = null;
    });
    c.on('notification', (m) => {
      if (m.channel === 'bullmq_events' && m.payload && emitters.has(m.payload)) poll();
    });
    await c.connect();
    await c.query('LISTEN bullmq_events');
    if (cursor === null) {
      // Start at the sequence's end; ids above the last visible event are still being written.
      const r = await c.query<{ seen: string; last: string }>(`SELECT (SELECT COALESCE(MAX(id), 0) FROM ${table} WHERE queue = ANY($1)) AS seen, (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM ${seq}) AS last`, [o.queues]);
      const seen = Number(r.rows[0]!.seen);
      cursor = Math.max(seen, Number(r.rows[0]!.last));
      holes.addRange(seen + 1, cursor);
    }
    return c;
  };
  const ensure = async () => {
    if (client) return client;
    connecting ??= connect().then((c) => (client = c)).finally(() => (connecting = null));
    return connecting;
  };

  /** Reads one page; answers [rows read, rows for a queue someone listens to]. */
  const readOnce = async (): Promise<[number, number]> => {
    const c = await ensure();
    // Rows of queues nobody here listens to only move the cursor: their payload stays in the database.
    const r = await c.query<EventRow>(`SELECT id, queue, event, CASE WHEN queue = ANY($4) THEN data END AS data FROM ${table} WHERE queue = ANY($1) AND (id > $2 OR id = ANY($3::bigint[])) ORDER BY id LIMIT ${PAGE}`, [o.queues, cursor, holes.list(), [...emitters.keys()]]);
    let mine = 0;
    for (const row of r.rows) {
      const id = Number(row.id);
      if (id > cursor!) {
        holes.addRange(cursor! + 1, id - 1);
        cursor = id;
      } else if (!holes.fill(id)) continue;
      mine += emit(row);
    }
    return [r.rows.length, mine];
  };
  const emit = (row: EventRow): number => {
    const em = emitters.get(row.queue);
    if (!em) return 0;
    const { event, args } = pgEventArgs(row);
    try {
      if (event === 'drained') em.emit(event, row.id);
      else em.emit(event, args, row.id);
    } catch {
      // A throwing listener must not stall the stream for every other listener.
    }
    return 1;
  };

  // Soon again while gaps are open or events just came (a commit right after ours may have
  // skipped its NOTIFY); otherwise at the idle pace.
  const schedule = (busy: boolean) => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      poll();
    }, busy || holes.size() > 0 ? o.gapMs ?? 25 : o.idleMs ?? 500);
    timer.unref?.();
  };
  const poll = (): void => {
    if (closed) return;
    if (polling) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    polling = (async () => {
      let read = 0;
      try {
        do {
          again = false;
          holes.expire();
          // A full page means more is waiting; NOTIFYs during the read set `again`.
          for (let n = PAGE; n === PAGE;) {
            const [all, mine] = await readOnce();
            n = all;
            read += mine;
          }
        } while (again && !closed);
      } catch {
        // Lost connection, or the schema is not migrated yet: reconnect on the next poll.
        client?.end().catch(() => undefined);
        client = null;
      } finally {
        polling = null;
        schedule(read > 0);
      }
    })();
  };

  return {
    forQueue(queue) {
      let em = emitters.get(queue);
      if (!em) {
        em = new EventEmitter();
        em.setMaxListeners(0);
        emitters.set(queue, em);
      }
      const source = em;
      return {
        on: (event, fn) => source.on(event, fn),
        async waitUntilReady() {
          await ensure();
          poll();
        },
        close: async () => undefined,
      };
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await polling;
      await (client ?? (await connecting?.catch(() => null)))?.end().catch(() => undefined);
      client = null;
    },
  };
}
