import { normalizeIp } from '@cowrieprocessor/core';

/**
 * The cache key of an IP subject: the store's normal form (IPv4-mapped IPv6 -> IPv4, IPv6
 * compressed lower case), so `::ffff:1.2.3.4` and `1.2.3.4` share one cache entry.
 *
 * @example
 * ```ts
 * ipKey(' ::ffff:203.0.113.5 '); // '203.0.113.5'
 * ```
 */
export function ipKey(subject: string): string {
  return normalizeIp(subject) ?? subject.trim();
}
