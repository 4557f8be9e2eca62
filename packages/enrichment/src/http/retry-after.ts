/**
 * Parse an HTTP `Retry-After` value: delay-seconds (`120`, also fractional) or an HTTP-date.
 * Returns milliseconds from `now` (never negative), or `null` when absent or unreadable.
 *
 * @example
 * ```ts
 * parseRetryAfter('2');                               // 2000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', new Date('2015-10-21T07:27:00Z')); // 60000
 * ```
 */
export function parseRetryAfter(value: string | string[] | undefined, now: Date = new Date()): number | null {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return null;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
