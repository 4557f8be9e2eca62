import type { Json } from './schema.js';

/** Kysely table types added by schema step 3 (detection). */
export interface DetectionTables {
  detection_runs: DetectionRunsTable;
  detection_findings: DetectionFindingsTable;
  detection_run_findings: DetectionRunFindingsTable;
  detection_finding_ips: DetectionFindingIpsTable;
  detection_finding_sessions: DetectionFindingSessionsTable;
  session_features: SessionFeaturesTable;
}

/** One run of a detector over a window. */
export interface DetectionRunsTable {
  id: string;
  /** `snowshoe`, `botnet` or `longtail`. */
  detector: string;
  /** `running`, `completed` or `failed`. */
  status: string;
  started_at: string;
  finished_at: string | null;
  window_since: string | null;
  window_until: string | null;
  sensor: string | null;
  backend: string | null;
  params: Json | null;
  stats: Json | null;
}

/** A finding whose id is derived from what binds it, stable across re-runs. */
export interface DetectionFindingsTable {
  id: string;
  detector: string;
  kind: string;
  score: number;
  first_seen: string | null;
  last_seen: string | null;
  summary: string;
  evidence: Json | null;
  first_run_id: string;
  last_run_id: string;
  created_at: string;
  updated_at: string;
}

/** Which findings a run produced, with the run's score and rank. */
export interface DetectionRunFindingsTable {
  run_id: string;
  finding_id: string;
  score: number;
  rank: number;
}

/** Source IPs that belong to a finding. */
export interface DetectionFindingIpsTable {
  finding_id: string;
  src_ip: string;
  sessions: number;
}

/** Sessions that belong to a finding. */
export interface DetectionFindingSessionsTable {
  finding_id: string;
  sensor: string;
  session: string;
}

/** Per-session feature vector cache, keyed to the session's `updated_at`. */
export interface SessionFeaturesTable {
  sensor: string;
  session: string;
  extractor_version: number;
  /** JSON text. */
  features: string;
  session_updated_at: string;
  computed_at: string;
}
