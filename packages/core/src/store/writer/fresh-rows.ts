import { emptySessionDelta, mergeSessionDelta, type SessionDelta } from './session-delta.js';
import type { BatchOutcome, DerivedRows, PreparedEvent } from './batch-types.js';
import type { Batch } from './batch-writer.js';

/** Derived rows of the events a batch really inserted, with their event ids filled in. */
export interface FreshRows {
  commands: Array<Record<string, unknown>>;
  auth: Array<Record<string, unknown>>;
  downloads: Array<Record<string, unknown>>;
  sshKeys: Array<Record<string, unknown>>;
  forwards: Array<Record<string, unknown>>;
  /** One merged delta per session, sorted by key so concurrent writers lock rows in one order. */
  sessions: SessionDelta[];
}

const KINDS: Array<keyof DerivedRows> = ['commands', 'auth', 'downloads', 'sshKeys', 'forwards'];

/**
 * Everything that hangs off the events a batch inserted (never off duplicates): derived rows and
 * per-session deltas. Shared by every dialect's writer so the rules live in one place.
 */
export function freshRows(fresh: ReadonlyArray<{ ev: PreparedEvent; id: number }>): FreshRows {
  const out: FreshRows = { commands: [], auth: [], downloads: [], sshKeys: [], forwards: [], sessions: [] };
  const deltas = new Map<string, SessionDelta>();
  for (const { ev, id } of fresh) {
    const d = ev.derived;
    if (d) {
      for (const k of KINDS) {
        const rows = d[k];
        // The rows are this event's own objects, built for this batch: set the id in place.
        if (rows) {
          for (const r of rows) {
            (r as Record<string, unknown>).event_id = id;
            out[k].push(r);
          }
        }
      }
    }
    const s = ev.session;
    if (s) {
      const key = `${s.sensor}/${s.session}`;
      const cur = deltas.get(key);
      if (cur) mergeSessionDelta(cur, s);
      else deltas.set(key, mergeSessionDelta(emptySessionDelta(s.sensor, s.session), s));
    }
  }
  out.sessions = [...deltas.values()].sort((a, b) => (a.sensor < b.sensor ? -1 : a.sensor > b.sensor ? 1 : a.session < b.session ? -1 : a.session > b.session ? 1 : 0));
  return out;
}

/** What a batch did, from what it sent and what the database inserted. */
export function batchOutcome(batch: Batch, freshEvents: number, deadHashes: Set<string>, sessions: readonly SessionDelta[]): BatchOutcome {
  return {
    events: freshEvents,
    duplicates: batch.events.length - freshEvents,
    deadLetters: deadHashes.size,
    deadLetterDuplicates: batch.deadLetters.length - deadHashes.size,
    deadLetterHashes: deadHashes,
    sessions: sessions.map((d) => `${d.sensor}/${d.session}`),
  };
}
