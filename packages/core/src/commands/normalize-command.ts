/**
 * Grouping form of a command line: the same attack with a different C2 address, hash or
 * payload should land in the same bucket in reports and detectors.
 *
 * Every step is a forward scan or a regex over a single character class (no nested
 * quantifiers), so a 100 KB attacker line costs linear time. Each step's output (`[URL]`,
 * `[IP]`, `[HEX]`, `[B64]`) is bracketed, and brackets end every run that a step looks at,
 * which is what makes the whole function idempotent.
 *
 * @module
 */

import { isIPv6 } from 'node:net';

const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
const ASCII_LETTER = /[A-Za-z]/;
// A URL runs to whitespace or a quote (so `"http://x"` keeps its quotes). It also stops at a
// shell separator (`;` `|` `<` `>` `(` `)` `&&`): `wget http://x/a;chmod +x a` must keep its
// second command in the grouping form. A single `&` is kept, being common in query strings.
const URL_END = /[\s'"`;|<>()]/;

/** Replaces `scheme://…` (RFC 3986 scheme) up to whitespace, a quote or a separator with `[URL]`. */
function replaceUrls(s: string): string {
  let out = '';
  let copied = 0;
  let p = s.indexOf('://');
  while (p !== -1) {
    let start = p;
    while (start > copied && SCHEME_CHAR.test(s.charAt(start - 1))) start--;
    // A scheme starts with a letter: skip leading digits/`+.-` of the run (`1a://` → `a://`).
    while (start < p && !ASCII_LETTER.test(s.charAt(start))) start++;
    if (start === p) {
      p = s.indexOf('://', p + 1);
      continue;
    }
    let end = p + 3;
    while (end < s.length && !URL_END.test(s.charAt(end)) && !s.startsWith('&&', end)) end++;
    out += `${s.slice(copied, start)}[URL]`;
    copied = end;
    p = s.indexOf('://', end);
  }
  return out + s.slice(copied);
}

// Longest textual IPv6 with a zone id that we bother to check; longer runs are not addresses.
const MAX_IPV6_CANDIDATE = 64;

/** Replaces IPv6 literals (including `::1`, `fe80::1%eth0`, `::ffff:1.2.3.4`) with `[IP]`. */
function replaceIpv6(s: string): string {
  return s.replace(/[0-9A-Za-z_:.%]+/g, (run) => {
    if (run.length > MAX_IPV6_CANDIDATE || run.indexOf(':') === run.lastIndexOf(':')) return run;
    // Sentence punctuation after an address (`… ::1.`) is not part of it.
    const trimmed = run.replace(/[.:]+$/, '');
    if (!/[0-9A-Fa-f]/.test(trimmed)) return run; // `::` alone, `a::` in `std::…`-like text
    if (isIPv6(run)) return '[IP]';
    return isIPv6(trimmed) ? `[IP]${run.slice(trimmed.length)}` : run;
  });
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// An address must be a whole run of `[0-9A-Za-z_:.%]` (a trailing sentence `.` aside), the same
// runs the IPv6 step looks at: replacing part of a run could turn the rest into a new IPv6
// candidate (`1::a1.2.3.4` → `1::a[IP]`) and break idempotence. It also keeps versions
// (`1.2.3.4.5`) and `host:1.2.3.4:5:6` out.
const IPV4_RE = new RegExp(
  `(?<![0-9A-Za-z_:.%])(?:${OCTET}\\.){3}${OCTET}(?::\\d{1,5})?(?![0-9A-Za-z_:%]|\\.[0-9A-Za-z_:.%])`,
  'g',
);

/** Replaces IPv4 addresses, with an optional `:port`, by `[IP]`. */
function replaceIpv4(s: string): string {
  return s.replace(IPV4_RE, '[IP]');
}

/** Replaces alphanumeric runs that are 16+ hex digits (optionally `0x`-prefixed) by `[HEX]`. */
function replaceHex(s: string): string {
  return s.replace(/[0-9A-Za-z]+/g, (run) => {
    const m = /^(0x)?[0-9A-Fa-f]{16,}$/.exec(run);
    return m ? `${m[1] ?? ''}[HEX]` : run;
  });
}

/**
 * Replaces base64-looking runs by `[B64]`: 40+ base64 characters (plus up to two `=`) mixing
 * upper case, lower case and digits. The mix requirement keeps long paths (`/usr/lib/…`) out.
 */
function replaceBase64(s: string): string {
  return s.replace(/[A-Za-z0-9+/]+={0,2}/g, (run) => {
    const body = run.replace(/=+$/, '');
    const looksEncoded = body.length >= 40 && /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body);
    return looksEncoded ? '[B64]' : run;
  });
}

/**
 * Grouping form of a command line: trimmed, whitespace runs collapsed to one space, then
 * URLs (up to whitespace, a quote or a shell separator) → `[URL]`, hex runs of 16+ → `[HEX]`, base64-looking runs of 40+ → `[B64]`, IPv6 and
 * IPv4 (optionally `:port`) → `[IP]`. Deterministic and idempotent; never throws.
 *
 * @example
 * normalizeCommand('  wget   http://1.2.3.4/x.sh ;  ping 10.0.0.1:8080 ');
 * // 'wget [URL] ; ping [IP]'
 */
export function normalizeCommand(input: string): string {
  if (typeof input !== 'string') return '';
  const collapsed = input.trim().replace(/\s+/g, ' ');
  // Order matters for idempotence: later steps only ever remove whole runs that earlier steps
  // examine, so a second pass finds nothing new.
  return replaceIpv4(replaceIpv6(replaceBase64(replaceHex(replaceUrls(collapsed)))));
}
