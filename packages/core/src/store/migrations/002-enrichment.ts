import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Migration } from './migration.js';

/** Schema step 2: enrichment tables (placeholder being filled in). */
export const enrichmentSchema: Migration = {
  version: 2,
  name: 'enrichment',
  async up(_db: Kysely<any>, _d: DialectAdapter) {},
  async verify(_db: Kysely<any>, _d: DialectAdapter) {},
};
