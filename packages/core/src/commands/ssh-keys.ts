/**
 * SSH public keys that an attacker's command line writes into `authorized_keys` — the
 * persistence step of most SSH botnets (`echo "ssh-rsa AAAA… mdrfckr" >> .ssh/authorized_keys`).
 *
 * @module
 */

import { decodeSshKeyBlob, fingerprintMd5, fingerprintSha256, rsaModulusBits } from './ssh-wire.js';
import type { SshKeyInjection } from './types.js';

/** Key algorithms we recognise, as they appear both in the text and inside the blob. */
export const SSH_KEY_TYPES: readonly string[] = [
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
  'ssh-rsa',
  'ssh-dss',
  'ssh-ed25519',
  'ssh-ed448',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
];

// The type must start a word: not glued to letters, `-`, `@` or `.` (so `ssh-ed25519` inside
// `sk-ssh-ed25519@openssh.com` is not a second match), except after a literal `\n`/`\r`/`\t`
// escape, which is how `printf`/`echo -e` put several keys on one line. One literal
// alternation, a blank run and one character class: linear, no nested quantifiers.
const KEY_RE = new RegExp(
  `(?:(?<![A-Za-z0-9@._-])|(?<=\\\\[nrt]))(${SSH_KEY_TYPES.map((t) => t.replace(/\./g, '\\.')).join('|')})[ \\t]+([A-Za-z0-9+/]+={0,2})`,
  'g',
);

// A comment ends at a quote, a redirection or command separator, a real or escaped line break.
const COMMENT_END = /['"><;&|\r\n]|\\[nr]/;

interface KeyMatch {
  keyType: string;
  keyData: string;
  start: number;
  end: number;
}

/** The comment after a key: text up to {@link COMMENT_END} (or the next key), trimmed. */
function commentIn(segment: string): string | null {
  const stop = COMMENT_END.exec(segment);
  const comment = (stop ? segment.slice(0, stop.index) : segment).trim();
  return comment === '' ? null : comment;
}

/**
 * Finds the SSH public keys a command line writes into `authorized_keys`. Only lines that
 * mention `authorized_keys` are considered. A key counts only when its base64 blob decodes
 * and the blob's own type string equals the type written before it, which rejects
 * truncated or invented keys. Identical keys within one line are reported once (first
 * occurrence, with its comment). Never throws.
 *
 * @example
 * extractSshKeys(
 *   'echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDmdktiPwmrT0EJb8EmkQZ6Z21rcTlv8m7qw9jjJA6Jy bot@x" >> ~/.ssh/authorized_keys',
 * );
 * // [{ keyType: 'ssh-ed25519', keyData: 'AAAAC3Nz…A6Jy', comment: 'bot@x',
 * //    fingerprintSha256: 'SHA256:EzPAM7svdHwKqwCbEZ1rOjQTxtjHLuFdcUHH9YV21o4',
 * //    fingerprintMd5: '49:38:75:fd:c8:3c:53:5e:86:5d:10:33:82:2e:8e:a3', bits: null }]
 */
export function extractSshKeys(input: string): SshKeyInjection[] {
  if (typeof input !== 'string' || !input.includes('authorized_keys')) return [];
  const matches: KeyMatch[] = [];
  for (const m of input.matchAll(KEY_RE)) {
    const [whole, keyType, keyData] = m;
    if (keyType === undefined || keyData === undefined) continue;
    matches.push({ keyType, keyData, start: m.index, end: m.index + whole.length });
  }
  const seen = new Set<string>();
  const keys: SshKeyInjection[] = [];
  for (const [i, m] of matches.entries()) {
    const blob = decodeSshKeyBlob(m.keyType, m.keyData);
    if (blob === null) continue;
    const fingerprint = fingerprintSha256(blob);
    if (seen.has(fingerprint)) continue;
    seen.add(fingerprint);
    const nextStart = matches[i + 1]?.start ?? input.length;
    keys.push({
      keyType: m.keyType,
      keyData: m.keyData,
      comment: commentIn(input.slice(m.end, nextStart)),
      fingerprintSha256: fingerprint,
      fingerprintMd5: fingerprintMd5(blob),
      bits: m.keyType === 'ssh-rsa' ? rsaModulusBits(blob) : null,
    });
  }
  return keys;
}
