export { createEnricher, type EnricherOptions } from './create-enricher.js';
export { emptyCounters, type Enricher, type LookupResult, type LookupManyOptions, type ServiceCounters } from './enricher-types.js';
