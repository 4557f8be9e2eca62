export { readEnrichment, type StoredEnrichment } from './read-enrichment.js';
export { topIpsWithReputation, type TopIpWithReputation } from './top-ips-with-reputation.js';
