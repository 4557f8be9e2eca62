export { openStore, type CowrieStore, type OpenStoreOptions } from './open-store.js';
export { parseDatabaseTarget, describeTarget, redactUrl, DEFAULT_DATABASE, type DatabaseTarget } from './database-target.js';
export type { DialectAdapter, ColumnTypes } from './dialect-adapter.js';
export {
  CURRENT_SCHEMA_VERSION,
  type Database, type SourcesTable, type RawEventsTable, type SessionsTable, type CommandsTable, type AuthAttemptsTable, type DownloadsTable,
  type SshKeysTable, type TcpForwardsTable, type DeadLettersTable, type IngestCursorsTable, type LoadsTable, type SchemaMetaTable,
  type Json, type Int8,
} from './schema.js';
export { runMigrations, readSchemaVersion, type MigrationResult } from './migrations/run-migrations.js';
export { MIGRATIONS, type Migration } from './migrations/index.js';
export type { BatchWriter, Batch, CursorUpdate } from './writer/batch-writer.js';
export { withWriteTransaction } from './writer/with-write-transaction.js';
export type { PreparedEvent, PreparedDeadLetter, DerivedRows, DerivedRow, BatchOutcome } from './writer/batch-types.js';
export type { EnrichmentTables, EnrichmentCacheTable, EnrichmentTable, EnrichmentStatsTable, RateLimitBucketsTable } from './schema-enrichment.js';
export type {
  DetectionTables, DetectionRunsTable, DetectionFindingsTable, DetectionRunFindingsTable, DetectionFindingIpsTable,
  DetectionFindingSessionsTable, SessionFeaturesTable,
} from './schema-detection.js';
