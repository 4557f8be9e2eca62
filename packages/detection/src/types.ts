/**
 * Result and progress types shared by every detector (snowshoe, botnet, longtail), the store
 * writer and the CLI. Browser-safe: plain data only.
 */

/** Progress callback: which step runs and how far it got, for the CLI, workers and UI bars. */
export type ProgressFn = (p: { step: string; processed: number; total: number }) => void;

/** Which detector produced a finding. */
export type DetectorName = 'snowshoe' | 'botnet' | 'longtail';

/** One detection result, stored in `detection_findings` with its IPs and sessions. */
export interface Finding {
  /** Stable: a hash of what binds it (e.g. sorted member IPs + evidence key), the same on a re-run. */
  id: string;
  detector: DetectorName;
  /** 'campaign' | 'cluster' | 'rare_command' | 'novel_sequence' | 'anomalous_session' | 'high_entropy' | 'emerging'. */
  kind: string;
  score: number;
  firstSeen: string | null;
  lastSeen: string | null;
  summary: string;
  evidence: Record<string, unknown>;
  ips: Array<{ ip: string; sessions: number }>;
  sessions: Array<{ sensor: string; session: string }>;
}

/** What a detection run records about itself (`detection_runs`). */
export interface DetectionRunInfo {
  detector: DetectorName;
  window: { since: string; until: string; sensor?: string };
  backend: string | null;
  params: Record<string, unknown>;
  stats: Record<string, unknown>;
}
