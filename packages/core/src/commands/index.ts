/**
 * Command-line analysis for Cowrie `input`: risk classification and score (compatible with
 * the Python predecessor), defanged display form, grouping form, per-event risk, and SSH
 * keys written into `authorized_keys`.
 *
 * @module
 */

export type { CommandAnalysis, CommandType, DefangStrategy, RiskLevel, SshKeyInjection } from './types.js';
export type { CommandClassification } from './analyze-command.js';
export { analyzeCommand, classifyCommand, commandRiskScore, createSafeCommand } from './analyze-command.js';
export { defangCommand, defangUrl } from './defang.js';
export { normalizeCommand } from './normalize-command.js';
export { eventRiskScore, FILE_DOWNLOAD_EVENTID } from './event-risk.js';
export { extractSshKeys, SSH_KEY_TYPES } from './ssh-keys.js';
export { fingerprintMd5, fingerprintSha256 } from './ssh-wire.js';
export { hasDangerousPatterns, SUSPICIOUS_PATHS } from './patterns.js';
export { COMMAND_RENAMES, DANGEROUS_COMMANDS, MODERATE_COMMANDS, SAFE_COMMANDS } from './command-sets.js';
