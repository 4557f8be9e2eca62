import type { ComputeBackend } from '../compute/compute-backend.js';
import type { ProgressFn } from '../types.js';

/** Tuning of {@link detectBotnets}; every field has a default. */
export interface BotnetOptions {
  /** Smallest cluster reported (IPs). */
  minIps?: number;
  /** A command script links IPs only when it has at least this many commands. */
  minScriptCommands?: number;
  /**
   * A successful credential pair links IPs only when at most this share of all IPs tried it
   * (`root/root` succeeding everywhere says nothing about coordination).
   */
  maxCredentialShare?: number;
  /**
   * For each successful pair, how many IPs tried it (`credKey` → IPs), when counted elsewhere
   * (`loadIpProfiles(…, { credentials: 'succeeded', triedBy })`); otherwise counted from every
   * profile's `credentials`.
   */
  triedBy?: ReadonlyMap<string, number>;
  /**
   * Groups linked only by a successful credential are united when the cosine of their behaviour
   * profiles (commands, download URLs, tooling) is at least this; `false` unites them on the
   * credential alone (the chaining the step exists to stop).
   */
  minBehaviourCosine?: number | false;
  /**
   * Smallest cluster reported when a successful credential is all its members share (no SSH
   * key, download or script): weaker evidence than a shared payload, so it needs more IPs.
   */
  minCredentialOnlyIps?: number;
  onProgress?: ProgressFn;
}

/** Options of the backend entry points (`detectBotnetsAsync`, `detectBotnetsInProfilesAsync`). */
export interface BotnetBackendOptions extends BotnetOptions {
  /** Runs the behaviour-similarity kernel; the in-process JS kernel when omitted. */
  backend?: ComputeBackend;
}

/** The defaults of {@link BotnetOptions}. */
export const BOTNET_DEFAULTS = { minIps: 3, minScriptCommands: 3, maxCredentialShare: 0.05, minBehaviourCosine: 0.5, minCredentialOnlyIps: 5 } as const;

/** Kinds of strong link between IPs, strongest first. */
export const LINK_KINDS = ['sshKey', 'downloadHash', 'downloadUrl', 'script', 'credential'] as const;
/** One of {@link LINK_KINDS}. */
export type LinkKind = (typeof LINK_KINDS)[number];
