import type { ComputeBackend } from '../compute/compute-backend.js';
import type { ProgressFn } from '../types.js';
import type { ConcurrentParams } from './concurrent-attach.js';
import type { SimilarityParams } from './similarity-merge.js';

/** Enrichment facts about one IP (from the `enrichment` table when it has rows). */
export interface IpInfo {
  asn?: string | number | null;
  country?: string | null;
}

/** Tuning of {@link detectSnowshoe}; every field has a default. */
export interface SnowshoeOptions {
  /** An IP with more sessions than this is not "low volume" (predecessor: 5). */
  maxSessionsPerIp?: number;
  /** An IP with more login attempts than this is not "low volume". */
  maxAttemptsPerIp?: number;
  /** Smallest campaign reported. */
  minIps?: number;
  /**
   * A credential pair (or command script) binds IPs of one tooling fingerprint when at least this
   * share of all IPs that used it are low-volume IPs with that fingerprint: what a campaign's own
   * dictionary looks like, unlike `root/123456`, which everybody tries.
   */
  minConcentration?: number;
  /** Attach IPs whose every pair lies in a campaign's dictionary (same fingerprint, in its time span). */
  attach?: boolean;
  /**
   * Merge sub-groups of one campaign (and attach lone IPs with a rare pair) by the cosine of
   * their credential-dictionary profiles, computed on the compute backend inside candidate
   * blocks; `false` turns the step off.
   */
  similarity?: Partial<SimilarityParams> | false;
  /**
   * Attach lone IPs of a campaign's fingerprint active only during its span that tried a pair
   * the campaign owns at that time (counted on the compute backend);
   * `minIps` defaults to the option above; `false` turns the step off.
   */
  concurrent?: Partial<ConcurrentParams> | false;
  /** Per-IP ASN / country (spread); never required. */
  ipInfo?: Map<string, IpInfo>;
  onProgress?: ProgressFn;
}

/** The defaults of {@link SnowshoeOptions}. */
export const SNOWSHOE_DEFAULTS = {
  maxSessionsPerIp: 5,
  maxAttemptsPerIp: 20,
  minIps: 8,
  minConcentration: 0.75,
  attach: true,
  similarity: { minMergeCosine: 0.25, minAttachCosine: 0.3, marginMs: 6 * 3600_000 },
  // Owned: the campaign's IPs are at least as many as everyone else of its client trying the pair then.
  concurrent: { minOwnership: 0.5, marginMs: 6 * 3600_000 },
} as const;

/** Options of the backend entry points (`detectSnowshoeAsync`, `detectSnowshoeInProfilesAsync`). */
export interface SnowshoeBackendOptions extends SnowshoeOptions {
  /** Runs the similarity kernels; the in-process JS kernel when omitted. */
  backend?: ComputeBackend;
}
