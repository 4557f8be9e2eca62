import type { RateLimit } from './rate-limiter.js';

/** One service's bucket as stored (memory map, `rate_limit_buckets` row, Redis hash). */
export interface BucketState {
  /** Tokens available; negative while callers hold reservations for future slots. */
  tokens: number;
  updatedMs: number;
  /** UTC day (`YYYY-MM-DD`) `dayCount` belongs to. */
  day: string;
  dayCount: number;
}

/** Outcome of one reservation: wait `waitMs` then send, or the daily quota is used up. */
export type Reservation =
  | { ok: true; state: BucketState; waitMs: number }
  | { ok: false; state: BucketState; resetsAt: string };

/**
 * The bucket holds at most one token. With no burst, requests are spaced at least
 * `intervalMs / perInterval` apart, which is what guarantees "never more than perInterval in
 * ANY window of intervalMs" (a burst-sized bucket would allow up to twice that across a
 * window boundary, and VirusTotal counts per sliding minute).
 */
export const BUCKET_CAPACITY = 1;

/**
 * Reserve the next slot (virtual scheduling): refill by elapsed time, take one token even if
 * that makes the balance negative, and tell the caller how long to wait for its slot. One
 * read-modify-write per acquire, so a shared store needs a single atomic step, and waiting
 * callers are served in arrival order instead of racing when a token appears.
 *
 * @example
 * ```ts
 * const r = reserve(null, { perInterval: 5, intervalMs: 1000 }, Date.now());
 * if (r.ok) await sleep(r.waitMs); // first call: waitMs 0
 * ```
 */
export function reserve(prev: BucketState | null, limit: RateLimit, nowMs: number): Reservation {
  const perMs = limit.perInterval / limit.intervalMs;
  const today = utcDay(nowMs);
  const base = prev ?? { tokens: BUCKET_CAPACITY, updatedMs: nowMs, day: today, dayCount: 0 };
  // A clock that went backwards (another host, NTP step) must not mint tokens.
  const elapsed = Math.max(0, nowMs - base.updatedMs);
  const tokens = Math.min(BUCKET_CAPACITY, base.tokens + elapsed * perMs);
  const dayCount = base.day === today ? base.dayCount : 0;
  const refilled: BucketState = { tokens, updatedMs: Math.max(nowMs, base.updatedMs), day: today, dayCount };
  if (limit.daily !== undefined && dayCount >= limit.daily) {
    return { ok: false, state: refilled, resetsAt: nextUtcMidnight(nowMs) };
  }
  const after = tokens - 1;
  // The balance is as of `refilled.updatedMs`, which is later than `nowMs` when another process
  // with a later clock reading wrote the bucket first: the slot counts from there, not from now.
  const slotMs = refilled.updatedMs + slotOffsetMs(after, perMs);
  return { ok: true, state: { ...refilled, tokens: after, dayCount: dayCount + 1 }, waitMs: slotMs - nowMs };
}

/**
 * How long after the balance's timestamp a reservation that left `tokens` may send. Slots fall on
 * whole milliseconds of an exact grid, but the balance carries floating-point error: a slot of
 * 1601 can compute as 1601.0000000002 (rounded up to 1602) and the next as 1800.9999999998
 * (1801), 199 ms apart, six in one second. A sub-microsecond tolerance keeps every slot on its
 * grid point.
 */
export function slotOffsetMs(tokens: number, perMs: number): number {
  return tokens < 0 ? Math.max(0, Math.ceil(-tokens / perMs - SLOT_EPSILON_MS)) : 0;
}

/** Floating-point tolerance of {@link slotOffsetMs}, in milliseconds (also in the Redis script). */
export const SLOT_EPSILON_MS = 1e-6;

/** `YYYY-MM-DD` of a UTC instant. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO instant of the next 00:00 UTC (when VirusTotal resets daily quotas). */
export function nextUtcMidnight(ms: number): string {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)).toISOString();
}
