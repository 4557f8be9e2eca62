/** Kysely table types added by migration 003 (detection). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DetectionTables {}
