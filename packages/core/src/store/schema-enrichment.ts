/** Kysely table types added by migration 002 (enrichment). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EnrichmentTables {}
