import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Migration } from './migration.js';

/** Schema step 3: detection tables (placeholder being filled in). */
export const detectionSchema: Migration = {
  version: 3,
  name: 'detection',
  async up(_db: Kysely<any>, _d: DialectAdapter) {},
  async verify(_db: Kysely<any>, _d: DialectAdapter) {},
};
