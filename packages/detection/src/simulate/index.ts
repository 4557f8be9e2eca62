export { simulate, type SimulateOptions, type SimulatedLog } from './simulate.js';
export { createRng, type Rng } from './prng.js';
export { DEFAULT_BACKGROUND, type BackgroundProfile } from './background-profile.js';
export type { GroundTruth, InjectedCampaign, InjectedNovelSession, Distinctiveness } from './ground-truth.js';
