import type { Insertable } from 'kysely';
import type { SessionDelta } from './session-delta.js';
import type {
  AuthAttemptsTable, CommandsTable, DeadLettersTable, DownloadsTable, RawEventsTable, SshKeysTable, TcpForwardsTable,
} from '../schema.js';

/** A row of a derived table before its event exists (no `id`, no `event_id`). */
export type DerivedRow<T> = Omit<Insertable<T>, 'id' | 'event_id'>;

/** Rows that hang off one event; `event_id` is filled in once the event row exists. */
export interface DerivedRows {
  commands?: DerivedRow<CommandsTable>[];
  auth?: DerivedRow<AuthAttemptsTable>[];
  downloads?: DerivedRow<DownloadsTable>[];
  sshKeys?: DerivedRow<SshKeysTable>[];
  forwards?: DerivedRow<TcpForwardsTable>[];
}

/** One event ready to store. Derived rows and the session contribution apply only if it is new. */
export interface PreparedEvent {
  row: Omit<Insertable<RawEventsTable>, 'id'>;
  derived: DerivedRows | null;
  session: SessionDelta | null;
  /** The record's original bytes (not a column): what a `store_rejected` dead letter keeps. */
  original: Buffer;
}

/** One dead letter ready to store. */
export type PreparedDeadLetter = Omit<Insertable<DeadLettersTable>, 'id'>;

/** What a batch did. */
export interface BatchOutcome {
  events: number;
  duplicates: number;
  deadLetters: number;
  /** Dead letters already stored by an earlier load (counted as duplicates by the conventions). */
  deadLetterDuplicates: number;
  /** Content hashes (hex) of the dead letters this batch stored. */
  deadLetterHashes: ReadonlySet<string>;
  /** `sensor/session` keys of sessions that received new events. */
  sessions: string[];
}
