/**
 * Parameters and result shapes of the longtail detector (the `--json` contract of
 * `cowrie detect longtail`). Browser-safe (types and defaults only).
 *
 * @module
 */

/** Tunables of the longtail detector; every field has a documented default. */
export interface LongtailParams {
  /** A command form is rare when seen in at most this many sessions, history included (default 3). */
  rareMaxSessions: number;
  /**
   * …and when the forms at its count level and below make up at most this share of all
   * (session, form) occurrences (default 0.05): the rarest tail, not a fixed 5 % of forms.
   */
  rareTailMass: number;
  /** Commands per shingle for novel sequences (default 3). */
  shingleSize: number;
  /** A novel sequence is reported when seen in at most this many window sessions (default 3). */
  novelMaxSessions: number;
  /** Neighbours for the outlier score; groups smaller than this still count as outliers (default 10). */
  k: number;
  /** Reference rows the kNN query runs against (default 4096): bounds the cost at n × this. */
  referenceSize: number;
  /** Anomalous sessions to return (default 100). */
  topSessions: number;
  /** Share of a run's maximum entropy for high-entropy payloads (default 0.8). */
  entropyRatio: number;
  /** z-score for an emerging pattern (default 3). */
  emergingZ: number;
  /** Window sessions an emerging pattern needs at least (default 5). */
  emergingMinSessions: number;
  /** Original inputs kept per finding (default 3). */
  examples: number;
}

/** Defaults of {@link LongtailParams}. */
export const DEFAULT_LONGTAIL_PARAMS: Readonly<LongtailParams> = {
  rareMaxSessions: 3,
  rareTailMass: 0.05,
  shingleSize: 3,
  novelMaxSessions: 3,
  k: 10,
  referenceSize: 4096,
  topSessions: 100,
  entropyRatio: 0.8,
  emergingZ: 3,
  emergingMinSessions: 5,
  examples: 3,
};

/** A session as named in findings. */
export interface SessionRef {
  sensor: string;
  session: string;
  srcIp: string | null;
  firstTs: string | null;
}

/** A rare command form. `command` is the form rarity was computed on; originals under `examples`. */
export interface RareCommand {
  id: string;
  command: string;
  /** Commands (events) with this form in the window. */
  count: number;
  /** Window sessions with this form. */
  sessions: number;
  /** Sessions with this form in the baseline (history) window. */
  historySessions: number;
  /** Surprisal in bits: −log2 of the add-one estimate of a session showing this form. */
  score: number;
  examples: string[];
  sessionRefs: SessionRef[];
  reasons: string[];
}

/** A command sequence (shingle) not seen in the baseline window. */
export interface NovelSequence {
  id: string;
  sequence: string[];
  sessions: number;
  score: number;
  examples: string[][];
  sessionRefs: SessionRef[];
  reasons: string[];
}

/** An encoded, high-entropy blob in commands (grouped by command form). */
export interface HighEntropyPayload {
  id: string;
  command: string;
  encoding: 'base64' | 'hex' | 'escaped';
  length: number;
  entropy: number;
  count: number;
  sessions: number;
  score: number;
  examples: string[];
  sessionRefs: SessionRef[];
  reasons: string[];
}

/** A command form or credential whose rate rose in the window against the baseline. */
export interface EmergingPattern {
  id: string;
  kind: 'command' | 'credential';
  value: string;
  sessions: number;
  historySessions: number;
  /** Window share ÷ baseline share (add-one smoothed). */
  ratio: number;
  /** Binomial z-score of the window count given both windows' sizes. */
  z: number;
  score: number;
  sessionRefs: SessionRef[];
  reasons: string[];
}

/** An outlier session on scaled behavioural features. */
export interface AnomalousSession {
  id: string;
  sensor: string;
  session: string;
  srcIp: string | null;
  firstTs: string | null;
  score: number;
  reasons: string[];
}

/** What the longtail detector returns (camelCase JSON of `cowrie detect longtail --json`). */
export interface LongtailResult {
  rareCommands: RareCommand[];
  anomalousSessions: AnomalousSession[];
  novelSequences: NovelSequence[];
  highEntropy: HighEntropyPayload[];
  emerging: EmergingPattern[];
  stats: LongtailStats;
  seconds: number;
}

/** Figures about the run, stored with it. */
export interface LongtailStats {
  sessions: number;
  historySessions: number;
  sessionsWithCommands: number;
  commandForms: number;
  /** Good–Turing missing mass: share of (session, form) occurrences whose form was seen once. */
  missingMass: number;
  /** Largest session count that still counts as rare (k after the tail-mass rule). */
  rareThreshold: number;
  featuresExtracted: number;
  featuresReused: number;
  backend: string;
  notes: string[];
}
