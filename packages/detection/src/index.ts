/**
 * `@cowrieprocessor/detection`: snowshoe, botnet and longtail detectors over Cowrie data, with
 * swappable compute backends.
 * @packageDocumentation
 */
export type { Finding, ProgressFn, DetectorName, DetectionRunInfo } from './types.js';
export type { SessionRecord, DetectionWindow } from './data/session-record.js';
// Campaign detectors (snowshoe, botnet), their data loader, storage, simulator and evaluation.
export { loadSessions } from './data/load-sessions.js';
export { loadIpProfiles, type LoadIpProfilesOptions } from './data/load-ip-profiles.js';
export { loadFindingSessions } from './data/load-finding-sessions.js';
export { resolveWindow, addMs, DEFAULT_WINDOW_MS } from './data/resolve-window.js';
export { loadIpInfo } from './data/load-ip-info.js';
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
export { saveDetectionRun } from './store/save-findings.js';
export * from './simulate/index.js';
export { matchCampaigns, type CampaignMatch, type Evaluation, type ReportedGroup } from './evaluate/match-campaigns.js';
// Longtail detector (rare commands, novel sequences, outlier sessions, high entropy, emerging), session features and their cache.
export * from './longtail/index.js';
export * from './features/index.js';
export { runLongtail, type RunLongtailOptions, type LongtailRun } from './longtail/run-longtail.js';
export { loadLongtailWindow, loadLongtailHistory, type LongtailWindowData, type LoadLongtailOptions } from './data/load-longtail.js';
export { sessionPages, type SessionPageOptions, type PageRange } from './data/session-pages.js';
export { featuresWithCache, featuresOfPage, type CachedFeatures, type FeatureCacheOptions } from './store/feature-cache.js';
// Compute backends: the browser-safe layer, plus onnx-node registered here (this entry is Node's).
// The ONNX runtimes load lazily when chosen; their factories are on the /onnx-node and /onnx-web subpaths.
export * from './compute/index.js';
export { registerOnnxNodeBackend } from './compute/onnx-node/register.js';
import { registerOnnxNodeBackend } from './compute/onnx-node/register.js';
registerOnnxNodeBackend();
