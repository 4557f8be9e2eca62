import { sql, type Kysely } from 'kysely';
import { StoreError } from '../../errors/index.js';

/** Throws unless every table exists with every listed column (a zero-row select proves both). */
export async function verifyColumns(db: Kysely<any>, tables: Record<string, readonly string[]>): Promise<void> {
  for (const [table, columns] of Object.entries(tables)) {
    try {
      await sql`select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)} where 1 = 0`.execute(db);
    } catch (err) {
      throw new StoreError('MIGRATION_VERIFY_FAILED', `migration check failed: table ${table} lacks one of ${columns.join(', ')}`, {}, { cause: err });
    }
  }
}
