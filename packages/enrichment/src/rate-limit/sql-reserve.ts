import { sql, type RawBuilder } from 'kysely';
import type { ServiceName } from '../services/types.js';
import type { RateLimit } from './rate-limiter.js';
import { BUCKET_CAPACITY, utcDay } from './token-bucket.js';

// "No daily quota" as a number that still fits the integer day_count column when we add 1.
const NO_DAILY = 2_000_000_000;

/**
 * The token-bucket reservation of `token-bucket.ts` as one SQL statement (same arithmetic):
 * refill by elapsed time up to the capacity, reset the day count on a new UTC day, then either
 * take a token (balance may go negative = a reserved future slot) and count the request, or —
 * when the day's quota is used up — take nothing and mark the day as exhausted by storing a
 * count above the quota (so the caller can tell a refusal from the last allowed request).
 * Only portable SQL (CASE, CAST), so one statement serves SQLite and PostgreSQL; every SET
 * expression sees the row as it was, so the statement is its own read-modify-write.
 */
export function reserveStatement(service: ServiceName, limit: RateLimit, nowMs: number): RawBuilder<{ tokens: number | string; day_count: number | string; updated_ms: number | string }> {
  const now = sql`cast(${nowMs} as bigint)`;
  const perMs = sql`cast(${limit.perInterval / limit.intervalMs} as double precision)`;
  const cap = sql`cast(${BUCKET_CAPACITY} as double precision)`;
  const daily = sql`cast(${limit.daily ?? NO_DAILY} as bigint)`;
  const today = sql`cast(${utcDay(nowMs)} as text)`;
  const elapsed = sql`(case when ${now} > updated_ms then ${now} - updated_ms else 0 end)`;
  const refilled = sql`(case when tokens + ${elapsed} * ${perMs} >= ${cap} then ${cap} else tokens + ${elapsed} * ${perMs} end)`;
  const count = sql`(case when day = ${today} then day_count else 0 end)`;
  const denied = sql`(${count} >= ${daily})`;
  return sql`update rate_limit_buckets set
      tokens = case when ${denied} then ${refilled} else ${refilled} - 1 end,
      updated_ms = case when ${now} > updated_ms then ${now} else updated_ms end,
      day = ${today},
      day_count = case when ${denied} then (case when ${count} > ${daily} then ${count} else ${daily} + 1 end) else ${count} + 1 end
    where service = ${service}
    returning tokens, day_count, updated_ms`;
}
