import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';

/**
 * One schema step. `up` runs inside a transaction (DDL is transactional on both dialects);
 * `verify` runs in the same transaction and must throw if `up` did not produce what it promised,
 * so a half-applied step can never be recorded as done (the predecessor's bug).
 */
export interface Migration {
  version: number;
  name: string;
  /**
   * True when readers of older versions can no longer read the schema (a column renamed or
   * dropped, a meaning changed). Steps that only add tables or columns leave it unset, so older
   * readers (reports, API) keep working against a newer database.
   */
  breaksReaders?: boolean;
  // Kysely<any>: a migration sees the schema as it was at its version, not today's types.
  up(db: Kysely<any>, dialect: DialectAdapter): Promise<void>;
  verify(db: Kysely<any>, dialect: DialectAdapter): Promise<void>;
}
