export { EXTRACTOR_VERSION, FEATURES, FEATURE_NAMES, type FeatureSpec, type FeatureTransform } from './feature-spec.js';
export { extractFeatures } from './extract-features.js';
export { shannonEntropy, encodedRuns, isHighEntropy, type EncodedRun } from './text-stats.js';
export { packFeatures, FeatureRowsBuilder, type FeatureRows } from './feature-rows.js';
