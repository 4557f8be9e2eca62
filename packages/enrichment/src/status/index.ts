export { enrichmentStatus } from './enrichment-status.js';
export type { EnrichmentStatus, ServiceStatus } from './status-types.js';
