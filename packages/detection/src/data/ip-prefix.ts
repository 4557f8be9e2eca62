/**
 * The /16 network of an IPv4 address (`a.b`), or the /32 prefix of an IPv6 address (first two
 * groups), used to measure a group's spread when no enrichment is available.
 *
 * @example
 * ```ts
 * slash16('203.0.113.5');  // '203.0'
 * slash16('2001:db8::1');  // '2001:db8'
 * ```
 */
export function slash16(ip: string): string {
  if (ip.includes(':')) return ip.split(':').slice(0, 2).join(':');
  const dot = ip.indexOf('.');
  const dot2 = ip.indexOf('.', dot + 1);
  return dot2 > 0 ? ip.slice(0, dot2) : ip;
}
