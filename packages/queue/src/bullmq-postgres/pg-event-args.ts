/** A row of BullMQ's PostgreSQL `event` table. */
export interface EventRow {
  /** bigint, as node-postgres returns it. */
  id: string;
  queue: string;
  event: string;
  data: Record<string, unknown> | null;
}

/**
 * The event name and listener argument BullMQ's QueueEvents would emit for `row`: every field
 * as a string (as BullMQ's PostgreSQL backend pages them), then `progress.data`,
 * `completed.returnvalue` and `delayed.delay` decoded as QueueEvents decodes them.
 *
 * @example
 * ```ts
 * pgEventArgs({ id: '7', queue: 'ping', event: 'completed', data: { jobId: 'j1', returnvalue: '{"pong":true}' } });
 * // { event: 'completed', args: { jobId: 'j1', returnvalue: { pong: true } } }
 * ```
 */
export function pgEventArgs(row: EventRow): { event: string; args: Record<string, unknown> } {
  const args: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row.data ?? {})) args[k] = typeof v === 'string' ? v : String(v);
  if (row.event === 'progress') args.data = parseJson(args.data);
  else if (row.event === 'completed') args.returnvalue = parseJson(args.returnvalue);
  else if (row.event === 'delayed') args.delay = Number(args.delay);
  return { event: row.event, args };
}

// A value that is not JSON stays as it was stored rather than failing the whole page.
function parseJson(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
