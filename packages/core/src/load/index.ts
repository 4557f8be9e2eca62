export { bulkLoad } from './bulk-load.js';
export { LoadRun } from './load-run.js';
export { deriveFacts, type EventFacts } from './derive-rows.js';
export { mergeSessionDelta, emptySessionDelta, type SessionDelta } from './session-delta.js';
export type { LoadOptions, LoadProgress, LoadResult, FileLoadResult } from './load-types.js';
