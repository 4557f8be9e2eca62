/**
 * Session and TTY-log durations in integer milliseconds.
 *
 * Cowrie wrote `duration` as float seconds (≤v2.6.1), as a `"%.1f"` string for SSH in
 * v2.7.0–v3.0.3, and replaced it with an integer `duration_ms` in v3.0.4.
 *
 * @module
 */
import { readNumber } from './coerce.js';

/**
 * Duration of a `cowrie.session.closed` / `cowrie.log.closed` event in whole milliseconds.
 * `duration_ms` wins when present and usable (it is exact); otherwise `duration`
 * (number or numeric string, in seconds) is converted and rounded. `null` when neither
 * is usable.
 *
 * @example
 * normalizeDurationMs({ duration: 3.8759336471557617 }); // 3876
 * normalizeDurationMs({ duration: '13.3' }); // 13300
 * normalizeDurationMs({ duration_ms: 13312, duration: 13.3 }); // 13312
 * normalizeDurationMs({}); // null
 */
export function normalizeDurationMs(raw: Record<string, unknown>): number | null {
  const ms = readNumber(raw['duration_ms']);
  const seconds = ms === null ? readNumber(raw['duration']) : null;
  const out = ms !== null ? Math.round(ms) : seconds === null ? null : Math.round(seconds * 1000);
  // Absurd values (1e30, negative) are attacker noise; they would not fit an int8 column either.
  return out !== null && Number.isSafeInteger(out) && out >= 0 ? out : null;
}
