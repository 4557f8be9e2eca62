/**
 * The per-session behavioural features, their order and their transform. Bump
 * {@link EXTRACTOR_VERSION} whenever a feature is added, removed, reordered or computed
 * differently: cached vectors of another version are then re-extracted. Browser-safe.
 *
 * @module
 */

/** Version of the extractor; cached feature rows of any other version are recomputed. */
export const EXTRACTOR_VERSION = 1;

/** How a raw feature is transformed before robust standardisation. */
export type FeatureTransform = 'log1p' | 'identity';

/** One feature: its name (stable, used in reasons) and transform. */
export interface FeatureSpec {
  name: string;
  transform: FeatureTransform;
  /** What it measures, for reasons and docs. */
  description: string;
}

/**
 * The intrinsic features (depend on the session alone, hence cacheable), in vector order.
 * Counts and durations are heavy-tailed, so they get `log1p` (a session with 1,000 commands is
 * not 100× more unusual than one with 10); ratios and entropies are already bounded.
 */
export const FEATURES: readonly FeatureSpec[] = [
  { name: 'durationSeconds', transform: 'log1p', description: 'session duration in seconds' },
  { name: 'eventCount', transform: 'log1p', description: 'events in the session' },
  { name: 'loginAttempts', transform: 'log1p', description: 'login attempts' },
  { name: 'loginSuccessRatio', transform: 'identity', description: 'share of login attempts that succeeded' },
  { name: 'distinctUsernames', transform: 'log1p', description: 'distinct usernames tried' },
  { name: 'distinctPasswords', transform: 'log1p', description: 'distinct passwords tried' },
  { name: 'commandCount', transform: 'log1p', description: 'commands typed' },
  { name: 'uniqueCommands', transform: 'log1p', description: 'distinct normalised commands' },
  { name: 'meanCommandLength', transform: 'log1p', description: 'mean command length in characters' },
  { name: 'commandEntropy', transform: 'identity', description: 'character entropy of all commands (bits/char)' },
  { name: 'maxEncodedRun', transform: 'log1p', description: 'longest base64/hex/escaped run in a command' },
  { name: 'commandsPerMinute', transform: 'log1p', description: 'commands per minute of session' },
  { name: 'downloadCount', transform: 'log1p', description: 'file downloads' },
  { name: 'uploadCount', transform: 'log1p', description: 'file uploads' },
  { name: 'tcpipCount', transform: 'log1p', description: 'direct-tcpip forward requests' },
  { name: 'sshKeyCount', transform: 'log1p', description: 'SSH keys injected' },
  { name: 'riskScore', transform: 'log1p', description: 'command risk score' },
  { name: 'telnet', transform: 'identity', description: '1 for telnet, 0 otherwise' },
];

/** Names of {@link FEATURES}, in vector order. */
export const FEATURE_NAMES: readonly string[] = FEATURES.map((f) => f.name);
