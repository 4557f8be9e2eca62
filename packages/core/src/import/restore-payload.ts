/** What restoring one predecessor payload did. */
export interface RestoredPayload {
  text: string;
  /** The command text had been replaced and could be put back from `input_original`. */
  restored: boolean;
  /** The command text had been replaced and the original was not kept (its legacy mode). */
  lost: boolean;
}

// Keys the predecessor's loader added to command events (predecessor-details §1.7).
const ADDED = ['input_safe', 'command_safe', 'input_hash', 'input_original', 'command_original', 'command_analysis'];

/**
 * Undo the predecessor's neutralisation of a stored payload: put the attacker's original
 * command back into `input` / `command` (from `input_original` / `command_original`) and drop
 * the keys it added, so our loader sees the event as Cowrie wrote it.
 *
 * @example
 * ```ts
 * restorePayload({ eventid: 'cowrie.command.input', input: '[defanged] wget …', input_original: 'wget http://x/a' });
 * // → { text: '{"eventid":"cowrie.command.input","input":"wget http://x/a"}', restored: true, lost: false }
 * ```
 */
export function restorePayload(payload: Record<string, unknown>): RestoredPayload {
  const p: Record<string, unknown> = { ...payload };
  let restored = false;
  let lost = false;
  const inputOriginal = p['input_original'];
  const commandOriginal = p['command_original'];
  if (typeof inputOriginal === 'string') {
    restored = p['input'] !== inputOriginal;
    p['input'] = inputOriginal;
  } else if (p['input'] === null && typeof p['input_safe'] === 'string') {
    // Legacy mode stored only a rewritten form: keep it as the input, and say so.
    p['input'] = p['input_safe'];
    lost = true;
  }
  if (typeof commandOriginal === 'string') {
    // The predecessor added `command` to events that had none; Cowrie's command events carry only `input`.
    if (String(p['eventid'] ?? '').startsWith('cowrie.command.') && commandOriginal === inputOriginal) delete p['command'];
    else p['command'] = commandOriginal;
  }
  for (const k of ADDED) delete p[k];
  return { text: JSON.stringify(p), restored, lost };
}
