/**
 * Small text statistics shared by the feature extractor and the high-entropy detector.
 * Browser-safe.
 *
 * @module
 */

/**
 * Shannon entropy of a string's characters, in bits per character (0 for an empty string).
 * Random base64 approaches 6, random hex 4, English text about 4.
 *
 * @example
 * ```ts
 * shannonEntropy('aaaa');     // 0
 * shannonEntropy('abcd');     // 2
 * ```
 */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** An encoded-looking run inside a command line. */
export interface EncodedRun {
  encoding: 'base64' | 'hex' | 'escaped';
  text: string;
  /** Entropy in bits per symbol of the run (for `escaped`, of the decoded bytes). */
  entropy: number;
}

const BASE64_RUN = /[A-Za-z0-9+/]{40,}={0,2}/g;
const HEX_RUN = /(?:0x)?[0-9A-Fa-f]{32,}/g;
const ESCAPED_RUN = /(?:\\x[0-9A-Fa-f]{2}){16,}/g;
// An SSH public key is base64 too, but botnet/ssh-key analysis reports those; not a payload.
const SSH_KEY = /(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d+) +[A-Za-z0-9+/]{40,}={0,2}/g;

/** Bits per symbol of each encoding's alphabet. */
const ALPHABET_BITS: Record<EncodedRun['encoding'], number> = { base64: 6, hex: 4, escaped: 8 };

/**
 * Whether a run is high-entropy: at least `ratio` (default 0.8) of the most entropy a run of
 * its length and alphabet can show (`min(log2 alphabet, log2 length)`), since a short sample
 * cannot reach its alphabet's maximum. Repetitive filler (`AAAA…`, `0000…`) falls below.
 *
 * @example
 * ```ts
 * isHighEntropy({ encoding: 'hex', text: '00'.repeat(20), entropy: 0 }); // false
 * ```
 */
export function isHighEntropy(run: EncodedRun, ratio = 0.8): boolean {
  const symbols = run.encoding === 'escaped' ? run.text.length / 4 : run.text.replace(/=+$/, '').length;
  return run.entropy >= ratio * Math.min(ALPHABET_BITS[run.encoding], Math.log2(Math.max(2, symbols)));
}

/**
 * Base64 runs (40+ characters, mixing cases and digits), hex runs (32+ digits) and `\xNN`
 * escape runs (16+ bytes) inside a command line, each with its entropy. SSH public keys are
 * left out.
 *
 * @example
 * ```ts
 * encodedRuns('echo ZWNobyAiaGVsbG8gd29ybGQiOyB3Z2V0IGh0dHA6Ly9leGFtcGxlLmNvbS94 | base64 -d');
 * // [{ encoding: 'base64', text: 'ZWNo…', entropy: 4.9… }]
 * ```
 */
export function encodedRuns(input: string): EncodedRun[] {
  const s = input.replace(SSH_KEY, ' ');
  const out: EncodedRun[] = [];
  for (const m of s.matchAll(BASE64_RUN)) {
    const body = m[0].replace(/=+$/, '');
    if (/[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body)) out.push({ encoding: 'base64', text: m[0], entropy: shannonEntropy(body) });
  }
  for (const m of s.matchAll(HEX_RUN)) {
    const body = m[0].replace(/^0x/, '');
    if (out.some((r) => r.text.includes(body))) continue; // part of a base64 run already listed
    if (/[0-9]/.test(body) && /[A-Fa-f]/.test(body)) out.push({ encoding: 'hex', text: m[0], entropy: shannonEntropy(body.toLowerCase()) });
  }
  for (const m of s.matchAll(ESCAPED_RUN)) {
    const bytes = m[0].split('\\x').filter(Boolean).map((h) => String.fromCharCode(parseInt(h, 16))).join('');
    out.push({ encoding: 'escaped', text: m[0], entropy: shannonEntropy(bytes) });
  }
  return out;
}
