export { refreshEnrichment } from './refresh-enrichment.js';
export type { RefreshOptions, RefreshProgress, RefreshResult, ServiceRefreshResult } from './refresh-types.js';
export { staleSubjects, type Candidate } from './candidates.js';
export { writeEnrichmentRows, addEnrichmentStats, type EnrichmentRow } from './write-enrichment.js';
