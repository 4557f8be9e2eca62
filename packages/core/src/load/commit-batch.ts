import type { BatchOutcome, PreparedDeadLetter, PreparedEvent } from '../store/writer/batch-types.js';
import type { BatchWriter, CursorUpdate } from '../store/writer/batch-writer.js';
import { classifyStoreError } from './store-errors.js';
import { nowIso } from '../util/now-iso.js';
import { safeMessage } from './prepare-record.js';

const RETRIES = 5;

/**
 * Commit a batch so that one bad row can never take its neighbours down: transient conflicts
 * (busy, deadlock, serialization) are retried with backoff; a batch the database rejects for its
 * data is split in halves down to the single record, and an event the database still refuses
 * becomes a `store_rejected` dead letter with the database's message and the record's bytes.
 * Connection and disk errors abort (nothing is lost: the batch is simply not committed).
 */
export async function commitBatch(writer: BatchWriter, events: readonly PreparedEvent[], dead: readonly PreparedDeadLetter[], cursor: CursorUpdate | null): Promise<BatchOutcome> {
  try {
    return await withRetry(() => writer.write({ events, deadLetters: dead, cursor }));
  } catch (err) {
    const kind = classifyStoreError(err);
    if (kind === 'fatal' || kind === 'transient') throw err;
    if (events.length + dead.length <= 1) return isolateOne(writer, events[0], dead[0], cursor, err, kind);
    const ev1 = events.slice(0, Math.ceil(events.length / 2));
    const ev2 = events.slice(ev1.length);
    const d1 = ev2.length === 0 ? dead.slice(0, Math.ceil(dead.length / 2)) : [];
    const d2 = dead.slice(d1.length);
    const a = await commitBatch(writer, ev1, d1, null);
    const b = await commitBatch(writer, ev2, d2, cursor);
    return merge(a, b);
  }
}

async function isolateOne(writer: BatchWriter, ev: PreparedEvent | undefined, dl: PreparedDeadLetter | undefined, cursor: CursorUpdate | null, err: unknown, kind: string): Promise<BatchOutcome> {
  // Only the data itself may be turned into a dead letter; anything else is our bug: surface it.
  if (kind !== 'data') throw err;
  const message = safeMessage(`the database refused this record: ${(err as Error).message}`);
  if (ev) {
    const r = ev.row;
    const letter: PreparedDeadLetter = {
      content_hash: r.content_hash, reason: 'store_rejected', message, field: null, source_id: r.source_id, line: r.line,
      byte_offset: r.byte_offset, length: ev.original.length, raw: ev.original, created_at: nowIso(),
    };
    return withRetry(() => writer.write({ events: [], deadLetters: [letter], cursor }));
  }
  if (dl) {
    // A dead letter the database refuses: keep it with a plain ASCII message.
    const plain = { ...dl, message: dl.message.replace(/[^\x20-\x7e]/g, '?') };
    return withRetry(() => writer.write({ events: [], deadLetters: [plain], cursor }));
  }
  return withRetry(() => writer.write({ events: [], deadLetters: [], cursor }));
}

async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= RETRIES || classifyStoreError(err) !== 'transient') throw err;
      // Exponential backoff with jitter: two loaders colliding should not collide again.
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}

function merge(a: BatchOutcome, b: BatchOutcome): BatchOutcome {
  return {
    events: a.events + b.events,
    duplicates: a.duplicates + b.duplicates,
    deadLetters: a.deadLetters + b.deadLetters,
    deadLetterDuplicates: a.deadLetterDuplicates + b.deadLetterDuplicates,
    deadLetterHashes: new Set([...a.deadLetterHashes, ...b.deadLetterHashes]),
    sessions: [...a.sessions, ...b.sessions],
  };
}
