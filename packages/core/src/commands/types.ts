/** Risk class of a command, as the predecessor's analyser assigns it (first token + patterns). */
export type RiskLevel = 'safe' | 'moderate' | 'dangerous';

/** How a command was classified (predecessor's `command_type`). */
export type CommandType =
  | 'empty'
  | 'safe_command'
  | 'moderate_command'
  | 'dangerous_command'
  | 'unknown_dangerous'
  | 'unknown_command';

/** Defanging strategy (predecessor's `defanging_strategy`). */
export type DefangStrategy = 'none' | 'moderate' | 'aggressive';

/** Everything we derive from one command line. The original input is never altered. */
export interface CommandAnalysis {
  riskLevel: RiskLevel;
  commandType: CommandType;
  needsDefanging: boolean;
  strategy: DefangStrategy;
  /** 0–100: base by risk level (0/30/70) + 20 when a dangerous pattern is present; capped at 100. */
  riskScore: number;
  /** Safe-to-display form: the input unchanged when no defanging is needed, else `[defang:<level>] <defanged>`. */
  defanged: string;
  /** Grouping form: whitespace collapsed, URLs → `[URL]`, IPs → `[IP]`, long hex → `[HEX]`, base64 blobs → `[B64]`. */
  normalized: string;
}

/** An SSH public key written into `authorized_keys` by a command line. */
export interface SshKeyInjection {
  /** Key algorithm, e.g. `ssh-rsa`, `ssh-ed25519`, `ecdsa-sha2-nistp256`. */
  keyType: string;
  /** The base64 key blob as written. */
  keyData: string;
  /** Trailing comment, if any. */
  comment: string | null;
  /** OpenSSH-style `SHA256:<base64 without padding>` of the decoded blob. */
  fingerprintSha256: string;
  /** Colon-separated hex MD5 of the decoded blob (`aa:bb:…`), the older OpenSSH form Cowrie logs. */
  fingerprintMd5: string;
  /** RSA modulus size in bits when decodable, else `null`. */
  bits: number | null;
}
