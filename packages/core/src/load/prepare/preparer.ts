import type { RawRecord } from '../../input/types.js';
import type { PreparedRecord } from '../prepare-record.js';

/** What every record of a chunk shares. */
export interface ChunkContext {
  sourceId: number;
  /** `created_at` of dead letters. */
  now: string;
  sensor?: string;
  sensorOverride?: string;
}

/**
 * Turns chunks of records into prepared events and dead letters (hash, decode, type, derive).
 * Results come back in the order the chunks were given. Adapters: inline (the caller's thread)
 * and a worker thread, so that on a 2-core machine parsing runs beside the database writes.
 */
export interface Preparer {
  readonly name: 'inline' | 'thread';
  prepare(records: readonly RawRecord[], ctx: ChunkContext): Promise<PreparedRecord[]>;
  close(): Promise<void>;
}
