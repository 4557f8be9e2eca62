import type { SessionRecord } from '../data/session-record.js';
import { FEATURES } from './feature-spec.js';
import { encodedRuns, shannonEntropy } from './text-stats.js';

/**
 * The raw (untransformed) intrinsic feature vector of one session, in the order of
 * {@link FEATURES}. Depends on the session alone, so it can be cached against the session's
 * `updated_at`.
 *
 * @example
 * ```ts
 * const v = extractFeatures(session); // [durationSeconds, eventCount, loginAttempts, …]
 * v.length === FEATURES.length;       // true
 * ```
 */
export function extractFeatures(s: SessionRecord): number[] {
  const seconds = Math.max(0, (s.durationMs ?? spanMs(s.firstTs, s.lastTs)) / 1000);
  const users = new Set(s.credentials.map((c) => c.username ?? ''));
  const passwords = new Set(s.credentials.map((c) => c.password ?? ''));
  const attempts = Math.max(s.loginAttempts, s.credentials.length);
  const successes = Math.max(s.loginSuccess, s.credentials.filter((c) => c.success).length);
  const commands = s.commands.length > 0 ? s.commands.length : s.commandCount;
  const inputs = s.commands.map((c) => c.input);
  const totalLength = inputs.reduce((n, i) => n + i.length, 0);
  let maxRun = 0;
  for (const i of inputs) for (const r of encodedRuns(i)) maxRun = Math.max(maxRun, r.text.length);
  const v = [
    seconds,
    s.eventCount,
    attempts,
    attempts > 0 ? successes / attempts : 0,
    s.credentials.length > 0 ? users.size : 0,
    s.credentials.length > 0 ? passwords.size : 0,
    commands,
    new Set(s.commands.map((c) => c.normalized)).size,
    inputs.length > 0 ? totalLength / inputs.length : 0,
    shannonEntropy(inputs.join('\n')),
    maxRun,
    commands / Math.max(1, seconds / 60),
    s.downloadCount,
    s.uploadCount,
    s.tcpipCount,
    Math.max(s.sshKeyCount, s.sshKeys.length),
    s.riskScore,
    s.protocol === 'telnet' ? 1 : 0,
  ];
  if (v.length !== FEATURES.length) throw new Error('feature vector out of step with FEATURES');
  return v.map((x) => (Number.isFinite(x) ? x : 0));
}

function spanMs(first: string | null, last: string | null): number {
  if (!first || !last) return 0;
  const d = Date.parse(last) - Date.parse(first);
  return Number.isFinite(d) ? d : 0;
}
