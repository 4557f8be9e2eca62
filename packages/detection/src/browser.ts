/**
 * `@cowrieprocessor/detection/browser`: the browser-safe surface. Plain-data types, the compute
 * port and registry with the JS and onnx-web (WASM) adapters, block helpers, scaling and
 * MinHash/LSH, and the detector algorithms that take `SessionRecord[]`. Nothing reachable from
 * here may import a `node:` module, a Node-only package or `@cowrieprocessor/core` at run time
 * (its store loads the database drivers): `test/compute/browser-safety.test.ts` bundles this
 * file for the browser to prove it.
 *
 * @example
 * ```ts
 * import { resolveBackend, nearestNeighbours } from '@cowrieprocessor/detection/browser';
 * const backend = await resolveBackend(); // onnx-web when the WASM loads, else js
 * ```
 * @packageDocumentation
 */
export type { Finding, ProgressFn, DetectorName, DetectionRunInfo } from './types.js';
export type { SessionRecord, DetectionWindow } from './data/session-record.js';
export * from './compute/index.js';
export { createOnnxWebBackend, ONNX_WEB_MAX_ELEMENTS, type OnnxWebBackendOptions } from './compute/onnx-web/index.js';
// Detector algorithms over plain data (SessionRecord[] in, Finding-shaped results out).
export { buildIpProfiles, credKey, credLabel, scriptOf, spanOf, type IpProfile, type SessionStub } from './data/ip-profiles.js';
export { IpProfileBuilder, linkKey, type IpProfileBuilderOptions, type SessionHead } from './data/ip-profile-builder.js';
export { stableHash, findingId } from './data/stable-id.js';
export { slash16 } from './data/ip-prefix.js';
export { UnionFind } from './data/union-find.js';
export { detectSnowshoe, detectSnowshoeInProfiles, detectSnowshoeAsync, detectSnowshoeInProfilesAsync, type SnowshoeResult } from './snowshoe/detect-snowshoe.js';
export { SNOWSHOE_DEFAULTS, type SnowshoeOptions, type SnowshoeBackendOptions, type IpInfo } from './snowshoe/snowshoe-options.js';
export { predecessorWindowScore, predecessorWindowScoreOfProfiles, type PredecessorWindowScore, type PredecessorOptions } from './snowshoe/predecessor-window-score.js';
export { detectBotnets, detectBotnetsInProfiles, detectBotnetsAsync, detectBotnetsInProfilesAsync, type BotnetResult } from './botnet/detect-botnets.js';
export { BOTNET_DEFAULTS, LINK_KINDS, type BotnetOptions, type BotnetBackendOptions, type LinkKind } from './botnet/botnet-options.js';
export * from './longtail/index.js';
export * from './features/index.js';
