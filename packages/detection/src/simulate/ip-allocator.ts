import type { Rng } from './prng.js';

// First octets of ordinary public unicast space (no private, loopback, CGN, multicast, test nets' /8s).
const FIRST = Array.from({ length: 223 }, (_, i) => i + 1).filter((a) => ![10, 100, 127, 169, 172, 192, 198, 203].includes(a));

/**
 * Hands out public-looking IPv4 addresses that never repeat and never collide with an excluded
 * set (the real background's IPs), so injected campaigns cannot be confused with it.
 *
 * @example
 * ```ts
 * const ips = createIpAllocator(rng, new Set(['203.0.113.5']));
 * ips.next(); // '61.147.22.9'
 * ```
 */
export function createIpAllocator(rng: Rng, exclude: ReadonlySet<string> = new Set()): { next(): string } {
  const used = new Set<string>();
  return {
    next() {
      for (;;) {
        const ip = `${rng.pick(FIRST)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
        if (used.has(ip) || exclude.has(ip)) continue;
        used.add(ip);
        return ip;
      }
    },
  };
}
