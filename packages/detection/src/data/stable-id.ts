/**
 * A stable, browser-safe 128-bit hex digest of a string (two independent FNV-1a-64 lanes over
 * UTF-16 code units). Not cryptographic: it names findings by what binds them, so that a re-run
 * finding the same thing yields the same id on any platform.
 *
 * @example
 * ```ts
 * stableHash('snowshoe|root:Harbor#2025'); // '9c2f…' (32 hex digits, always the same)
 * ```
 */
export function stableHash(text: string): string {
  return lane(text, 0xcbf29ce484222325n) + lane(text, 0x84222325cbf29ce4n);
}

const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

function lane(text: string, seed: bigint): string {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * PRIME) & MASK;
  }
  return h.toString(16).padStart(16, '0');
}

/**
 * A finding id: `<detector>-<kind>-<first 20 hex of the digest of the binding key>`.
 *
 * @example
 * ```ts
 * findingId('botnet', 'cluster', 'sshkey:SHA256:abc'); // 'botnet-cluster-3f1d…'
 * ```
 */
export function findingId(detector: string, kind: string, bindingKey: string): string {
  return `${detector}-${kind}-${stableHash(`${detector}|${kind}|${bindingKey}`).slice(0, 20)}`;
}
