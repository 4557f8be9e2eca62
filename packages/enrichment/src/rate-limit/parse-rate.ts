import { UsageError } from '@cowrieprocessor/core';
import type { RateLimit } from './rate-limiter.js';

const UNIT_MS: Record<string, number> = {
  ms: 1, s: 1000, sec: 1000, second: 1000, m: 60_000, min: 60_000, minute: 60_000,
  h: 3_600_000, hr: 3_600_000, hour: 3_600_000, d: 86_400_000, day: 86_400_000,
};

/**
 * Parse a rate such as `2/s`, `4/min`, `100/hour`, `5/10s` or `0.5/s` (the `COWRIE_<SERVICE>_RATE`
 * form). A bad string throws core's `UsageError` naming it.
 *
 * @example
 * ```ts
 * parseRate('4/min'); // { perInterval: 4, intervalMs: 60000 }
 * parseRate('5/10s'); // { perInterval: 5, intervalMs: 10000 }
 * ```
 */
export function parseRate(text: string): RateLimit {
  const m = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)?\s*([a-z]+?)s?\s*$/i.exec(text);
  const unit = m?.[3]?.toLowerCase();
  const unitMs = unit === undefined ? undefined : (UNIT_MS[unit] ?? UNIT_MS[`${unit}s`]);
  const per = Number(m?.[1]);
  const intervalMs = (m?.[2] === undefined ? 1 : Number(m[2])) * (unitMs ?? NaN);
  if (!m || !unitMs || !(per > 0) || !(intervalMs > 0)) {
    throw new UsageError('BAD_RATE', `invalid rate "${text}": expected N/unit such as 2/s, 4/min, 100/hour or 5/10s`, { rate: text });
  }
  return { perInterval: per, intervalMs };
}

/** Human form of a rate, for notices (`4/min`, `2/s`, `+500/day`). */
export function formatRate(r: RateLimit): string {
  const unit = r.intervalMs % 86_400_000 === 0 ? ['day', 86_400_000] as const
    : r.intervalMs % 3_600_000 === 0 ? ['hour', 3_600_000] as const
      : r.intervalMs % 60_000 === 0 ? ['min', 60_000] as const : ['s', 1000] as const;
  const n = r.intervalMs / unit[1];
  return `${r.perInterval}/${n === 1 ? '' : n}${unit[0]}${r.daily ? ` (+${r.daily}/day)` : ''}`;
}
