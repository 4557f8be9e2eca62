import { credKey, scriptOf } from '../data/ip-profiles.js';
import type { SessionRecord } from '../data/session-record.js';
import type { LinkKind } from './botnet-options.js';

/** A strong key one session carries: the kind and its value. */
export interface LinkKey {
  kind: LinkKind;
  value: string;
}

/**
 * The strong keys of a session: injected SSH keys, downloaded hashes and URLs, its command
 * script (when long enough) and its successful credential pairs. Two IPs sharing any of these
 * (subject to the credential rarity rule) act as one.
 *
 * @example
 * ```ts
 * sessionLinks(session, 3); // [{ kind: 'sshKey', value: 'SHA256:…' }, { kind: 'script', value: 'uname -a\n…' }, …]
 * ```
 */
export function sessionLinks(s: SessionRecord, minScriptCommands: number): LinkKey[] {
  const out: LinkKey[] = [];
  for (const k of s.sshKeys) out.push({ kind: 'sshKey', value: k });
  for (const d of s.downloads) {
    if (d.shasum) out.push({ kind: 'downloadHash', value: d.shasum });
    if (d.url) out.push({ kind: 'downloadUrl', value: d.url });
  }
  if (s.commands.length >= minScriptCommands) out.push({ kind: 'script', value: scriptOf(s) });
  for (const c of s.credentials) if (c.success) out.push({ kind: 'credential', value: credKey(c.username, c.password) });
  return out;
}
