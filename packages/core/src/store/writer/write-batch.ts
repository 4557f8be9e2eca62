import type { Kysely } from 'kysely';
import { emptySessionDelta, mergeSessionDelta, type SessionDelta } from '../../load/session-delta.js';
import type { CowrieStore } from '../open-store.js';
import type { Database } from '../schema.js';
import type { BatchOutcome, PreparedDeadLetter, PreparedEvent } from './batch-types.js';
import { upsertSessions } from './upsert-sessions.js';
import { chunkRows, withWriteTransaction } from './with-write-transaction.js';

/**
 * Store one batch in one transaction: events (duplicates skipped by content hash), dead letters,
 * the rows derived from the events that are new, and the session aggregates of those events.
 * Because derived rows and aggregates come only from events this transaction inserted, a batch
 * replayed after a crash (or a file loaded twice) adds nothing.
 */
export async function writeBatch(store: CowrieStore, events: readonly PreparedEvent[], deadLetters: readonly PreparedDeadLetter[]): Promise<BatchOutcome> {
  return withWriteTransaction(store, async (trx) => {
    const maxParams = store.dialect.maxBindParameters;
    const ids = new Map<string, number>();
    for (const part of chunkRows(events.map((e) => e.row), maxParams)) {
      const rows = await trx
        .insertInto('raw_events')
        .values(part)
        .onConflict((oc) => oc.column('content_hash').doNothing())
        .returning(['id', 'content_hash'])
        .execute();
      for (const r of rows) ids.set(r.content_hash, Number(r.id));
    }

    const fresh: Array<{ ev: PreparedEvent; id: number }> = [];
    for (const ev of events) {
      const id = ids.get(ev.row.content_hash);
      if (id === undefined) continue;
      ids.delete(ev.row.content_hash); // a second copy in the same batch is a duplicate
      fresh.push({ ev, id });
    }

    const deadInserted = new Set<string>();
    for (const part of chunkRows(deadLetters, maxParams)) {
      const rows = await trx
        .insertInto('dead_letters')
        .values(part)
        .onConflict((oc) => oc.column('content_hash').doNothing())
        .returning('content_hash')
        .execute();
      for (const r of rows) deadInserted.add(r.content_hash);
    }
    const dlInserted = deadInserted.size;

    await insertDerived(trx, fresh, maxParams);
    const deltas = new Map<string, SessionDelta>();
    for (const { ev } of fresh) {
      const s = ev.session;
      if (!s) continue;
      const key = `${s.sensor}/${s.session}`;
      const cur = deltas.get(key);
      if (cur) mergeSessionDelta(cur, s);
      else deltas.set(key, mergeSessionDelta(emptySessionDelta(s.sensor, s.session), s));
    }
    await upsertSessions(trx, [...deltas.values()], maxParams);

    return {
      events: fresh.length,
      duplicates: events.length - fresh.length,
      deadLetters: dlInserted,
      deadLetterDuplicates: deadLetters.length - dlInserted,
      deadLetterHashes: deadInserted,
      sessions: [...deltas.keys()],
    };
  });
}

async function insertDerived(trx: Kysely<Database>, fresh: Array<{ ev: PreparedEvent; id: number }>, maxParams: number): Promise<void> {
  const commands = [], auth = [], downloads = [], sshKeys = [], forwards = [];
  for (const { ev, id } of fresh) {
    const d = ev.derived;
    if (!d) continue;
    if (d.commands) for (const r of d.commands) commands.push({ ...r, event_id: id });
    if (d.auth) for (const r of d.auth) auth.push({ ...r, event_id: id });
    if (d.downloads) for (const r of d.downloads) downloads.push({ ...r, event_id: id });
    if (d.sshKeys) for (const r of d.sshKeys) sshKeys.push({ ...r, event_id: id });
    if (d.forwards) for (const r of d.forwards) forwards.push({ ...r, event_id: id });
  }
  for (const part of chunkRows(commands, maxParams)) await trx.insertInto('commands').values(part).execute();
  for (const part of chunkRows(auth, maxParams)) await trx.insertInto('auth_attempts').values(part).execute();
  for (const part of chunkRows(downloads, maxParams)) await trx.insertInto('downloads').values(part).execute();
  for (const part of chunkRows(sshKeys, maxParams)) await trx.insertInto('ssh_keys').values(part).execute();
  for (const part of chunkRows(forwards, maxParams)) await trx.insertInto('tcp_forwards').values(part).execute();
}
