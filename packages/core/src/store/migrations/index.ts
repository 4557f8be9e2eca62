import type { Migration } from './migration.js';
import { initialSchema } from './001-initial-schema.js';
import { enrichmentSchema } from './002-enrichment.js';
import { detectionSchema } from './003-detection.js';
import { leanIngestIndexes } from './004-lean-ingest-indexes.js';
import { timeOrderedDedupIndex } from './005-time-ordered-dedup-index.js';

/** Every migration, in order. Append only: never edit a released step. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, enrichmentSchema, detectionSchema, leanIngestIndexes, timeOrderedDedupIndex];
export type { Migration } from './migration.js';
