/**
 * The compute layer (browser-safe): the port, the registry, the JS adapter, block helpers,
 * scaling and MinHash/LSH. onnx-node is added by the package's Node entry; the ONNX adapters
 * are loaded by the registry only when chosen.
 *
 * @example
 * ```ts
 * import { resolveBackend, nearestNeighbours } from './compute/index.js';
 * const backend = await resolveBackend({ forced: 'js' });
 * const nn = await nearestNeighbours(backend, x, x, 5, 'cosine', { excludeSelf: true });
 * ```
 * @packageDocumentation
 */
export * from './compute-backend.js';
export { ComputeBackendError } from './compute-error.js';
export { matrixFromRows, sliceRows } from './matrix.js';
export { createBackendRegistry, type BackendRegistry, type BackendStatus } from './registry.js';
export { BACKEND_PRIORITY, defaultRegistry, listBackends, registerBackend, resolveBackend } from './default-registry.js';
export { createJsBackend, JS_MAX_ELEMENTS } from './js/index.js';
export { nearestNeighbours, type NearestNeighboursOptions, type Neighbours } from './nearest-neighbours.js';
export { applyScaling, fitScaling, standardize, type Scaling, type ScalingMethod } from './standardize.js';
export { estimateJaccard, hashString32, jaccard, minhashSignatures, type MinHashSignatures } from './minhash.js';
export { lshBuckets } from './lsh.js';
export { runPlan, runPlanSync, type CosineRequest, type KernelPlan, type KernelUse } from './kernel-plan.js';
export { similarPairsInBlocks, BLOCK_BATCH_ROWS, type CandidateBlock, type SimilarPair } from './block-similarity.js';
export { hashedTfIdfRows, idf, trigrams, type TokenWeights } from './hashed-tfidf.js';
