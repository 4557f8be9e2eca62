/**
 * The form longtail rarity is computed on: core's normalised command (`commands.normalized`,
 * URLs/IPs/long hex/base64 already bracketed) with the random parts that real droppers change on
 * every run bracketed too, so that one bot's thousand runs are one form, not a thousand
 * "rare" commands. Browser-safe (no Node imports).
 *
 * @module
 */

// Mirai-family scanners probe with `/bin/busybox XXXXX`: five random capitals per session.
// Real applet names are lower case, so any all-capital word after `busybox` is random.
const BUSYBOX_RANDOM = /\bbusybox ([A-Z]{4,10})\b/g;
// Byte escapes (`\x6b`, `\177`) carry bot ids and markers byte by byte.
const HEX_ESCAPES = /(?:\\x[0-9A-Fa-f]{2})+/g;
const OCTAL_ESCAPES = /(?:\\[0-7]{1,3})+/g;
// Bot ids printed in hex (`81c46036`): 8+ hex digits mixing digits and letters.
const SHORT_HEX = /\b(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\b/g;
const WORD = /[A-Za-z0-9]{4,}/g;

/**
 * A token that looks machine-made: 6+ characters mixing upper case, lower case and at least two
 * digits (`SCmx6m2L`, `9ulfVAqKQy9r`; not `SuSEfirewall2`).
 */
function looksRandom(token: string): boolean {
  return token.length >= 6 && /[A-Z]/.test(token) && /[a-z]/.test(token) && /[0-9].*[0-9]/.test(token);
}

/**
 * Rarity form of a normalised command: random busybox applet probes → `busybox [RAND]`, byte
 * escapes → `\x..` / `\o..`, short hex ids → `[HEX]`, random-looking names (mixed case and
 * digits, or a letters+digits name used twice in one line such as `chmod +x a21jj; ./a21jj`)
 * → `[RAND]`. Idempotent.
 *
 * @example
 * ```ts
 * commandForm('cat /proc/mounts; /bin/busybox TMKFV');   // 'cat /proc/mounts; /bin/busybox [RAND]'
 * commandForm("echo -ne '\\x0181c46036\\x7f'");          // "echo -ne '\\x..[HEX]\\x..'"
 * commandForm('chmod +x a21jj ./a21jj');                 // 'chmod +x [RAND] ./[RAND]'
 * ```
 */
export function commandForm(normalized: string): string {
  let s = normalized
    .replace(BUSYBOX_RANDOM, 'busybox [RAND]')
    .replace(HEX_ESCAPES, '\\x..')
    .replace(OCTAL_ESCAPES, '\\o..')
    .replace(SHORT_HEX, '[HEX]');
  const seen = new Map<string, number>();
  for (const m of s.matchAll(WORD)) seen.set(m[0], (seen.get(m[0]) ?? 0) + 1);
  s = s.replace(WORD, (t) => {
    const mixed = /[0-9]/.test(t) && /[A-Za-z]/.test(t);
    return looksRandom(t) || (mixed && t.length <= 12 && (seen.get(t) ?? 0) >= 2) ? '[RAND]' : t;
  });
  return s;
}
