export { importPredecessor, PREDECESSOR_IMPORT, type PredecessorImportResult } from './import-predecessor.js';
export { openPredecessor, type PredecessorDb } from './open-predecessor.js';
export { restorePayload, type RestoredPayload } from './restore-payload.js';
export { importPredecessorEnrichment, isoOf, type EnrichmentImport } from './predecessor-enrichment.js';
export { predecessorSources, payloadStream, type PredecessorSource, type PayloadStats } from './predecessor-events.js';
