export { parseInstant, parseWindow, type TimeWindow, type QueryFilter } from './time-window.js';
export { topN, type TopDimension, type TopEntry, type TopOptions } from './top-n.js';
export { summarize, type SummaryReport } from './summary.js';
export { listSessions, getSessionDetail, toSessionSummary, type SessionSummary, type SessionDetail, type SessionListOptions } from './sessions.js';
export { resolveSessionRef, formatSessionRef, type SessionKey } from './session-ref.js';
export { listDeadLetters, countDeadLetters, type DeadLetterEntry, type DeadLetterListOptions } from './dead-letters.js';
export { sensorCounts, type SensorCounts } from './sensors.js';
