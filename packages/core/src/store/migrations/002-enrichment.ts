import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Migration } from './migration.js';
import { verifyColumns } from './verify-columns.js';

const TABLES = {
  enrichment_cache: ['service', 'cache_key', 'status', 'value', 'created_at', 'expires_at', 'accessed_at', 'hit_count'],
  enrichment: ['subject_type', 'subject', 'service', 'status', 'value', 'fetched_at', 'expires_at'],
  enrichment_stats: ['day', 'service', 'api_calls', 'cache_hits', 'failures', 'not_found'],
  rate_limit_buckets: ['service', 'tokens', 'updated_ms', 'day', 'day_count'],
} as const;

/**
 * Schema step 2: enrichment. The cache holds each service's raw answer per key (what the API
 * returned, for audit and re-normalisation); `enrichment` holds our canonical result once per
 * subject (IP, file hash, password hash) and is joined where read, never copied into sessions.
 * Rate-limit buckets live in the database so every process sharing it shares one limit.
 */
export const enrichmentSchema: Migration = {
  version: 2,
  name: 'enrichment',
  async up(db: Kysely<any>, d: DialectAdapter) {
    const s = db.schema;
    await s.createTable('enrichment_cache')
      .addColumn('service', 'text', (c) => c.notNull())
      .addColumn('cache_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // found | not_found | error
      .addColumn('value', 'text') // raw JSON text; for errors, the error message as JSON
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('accessed_at', 'text')
      .addColumn('hit_count', d.types.int8, (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('enrichment_cache_pk', ['service', 'cache_key'])
      .execute();
    await s.createIndex('enrichment_cache_expires_idx').on('enrichment_cache').column('expires_at').execute();

    await s.createTable('enrichment')
      .addColumn('subject_type', 'text', (c) => c.notNull()) // ip | file | password
      .addColumn('subject', 'text', (c) => c.notNull()) // IP, sha256, or password SHA-1 (never the password)
      .addColumn('service', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('value', d.types.json) // canonical typed result (IpReputation, FileReport, …)
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('enrichment_pk', ['subject_type', 'subject', 'service'])
      .execute();
    await s.createIndex('enrichment_expires_idx').on('enrichment').columns(['service', 'expires_at']).execute();

    await s.createTable('enrichment_stats')
      .addColumn('day', 'text', (c) => c.notNull()) // YYYY-MM-DD (UTC)
      .addColumn('service', 'text', (c) => c.notNull())
      .$call((t) => ['api_calls', 'cache_hits', 'failures', 'not_found']
        .reduce((acc, col) => acc.addColumn(col, d.types.int8, (c) => c.notNull().defaultTo(0)), t))
      .addPrimaryKeyConstraint('enrichment_stats_pk', ['day', 'service'])
      .execute();

    await s.createTable('rate_limit_buckets')
      .addColumn('service', 'text', (c) => c.primaryKey())
      .addColumn('tokens', 'double precision', (c) => c.notNull())
      .addColumn('updated_ms', d.types.int8, (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('day_count', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
  async verify(db: Kysely<any>) {
    await verifyColumns(db, TABLES);
  },
};
