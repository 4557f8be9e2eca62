/**
 * Shapes the dashboard reads. Job and worker objects come from the queue package's own types
 * (type-only imports: nothing of it is bundled); the summary from core's report type; the rest
 * mirror docs/api.md.
 */
export type { JobView, JobState, JobStatus, WorkerRecord, QueueDepth } from '@cowrieprocessor/queue';
export type { SummaryReport, TopEntry } from '@cowrieprocessor/core';

/** One bucket of `/api/v1/timeseries`. */
export interface TimePoint {
  bucket: string;
  events: number;
  sessions: number;
}

/** One entry of `/api/v1/attackers`. */
export interface Attacker {
  value: string;
  count: number;
  firstSeen: string | null;
  lastSeen: string | null;
  sensors: string[];
  loginAttempts: number;
  loginSuccesses: number;
  credentialsTried: number;
  commands: number;
  downloads: number;
  country: string | null;
  asn: number | null;
  asName: string | null;
}

/** One entry of `/api/v1/detections`. */
export interface Detection {
  id: string;
  detector: 'snowshoe' | 'botnet' | 'longtail';
  kind: string;
  score: number;
  firstSeen: string | null;
  lastSeen: string | null;
  summary: string;
  evidence: Record<string, unknown> & { reasons?: string[] };
  ipCount: number;
  sessionCount: number;
  ips: Array<{ ip: string; sessions: number }>;
  lastRunId: string;
  updatedAt: string;
}

/** One entry of `/api/v1/sessions`. */
export interface SessionRow {
  ref: string;
  sensor: string;
  session: string;
  srcIp: string | null;
  firstTs: string | null;
  lastTs: string | null;
  loginAttempts: number;
  loginSuccess: number;
  commandCount: number;
  downloadCount: number;
  clientVersion: string | null;
}
