/**
 * The plain-data view of one session that every detector works on: the `sessions` row plus its
 * credentials, commands, downloads and injected SSH keys. Browser-safe (types only).
 */

/** One session with its child rows, as loaded by `loadSessions`. */
export interface SessionRecord {
  sensor: string;
  session: string;
  srcIp: string | null;
  firstTs: string | null;
  lastTs: string | null;
  durationMs: number | null;
  protocol: string | null;
  dstPort: number | null;
  /** Normalised form (sessions.client_version_norm). */
  clientVersion: string | null;
  hassh: string | null;
  loginAttempts: number;
  loginSuccess: number;
  commandCount: number;
  downloadCount: number;
  uploadCount: number;
  tcpipCount: number;
  sshKeyCount: number;
  riskScore: number;
  eventCount: number;
  /** sessions.updated_at (feature-cache key). */
  updatedAt: string;
  credentials: Array<{ username: string | null; password: string | null; success: boolean }>;
  commands: Array<{ input: string; normalized: string; ts: string | null }>;
  downloads: Array<{ url: string | null; shasum: string | null }>;
  /** fingerprint_sha256 of keys injected. */
  sshKeys: string[];
}

/** A half-open window `[since, until)` over sessions' first event, optionally one sensor. */
export interface DetectionWindow {
  since: string;
  until: string;
  sensor?: string;
}
