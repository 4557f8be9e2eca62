import type { CowrieStore } from '@cowrieprocessor/core';
import { isoMicros } from '../ttl-policy.js';

/**
 * Counts cache hits in memory and writes `hit_count` / `accessed_at` in a few batched updates
 * instead of one UPDATE per hit: an UPDATE on the lookup path would turn every read into a write
 * (and on SQLite, take the write lock), which is what makes a warm refresh slow.
 *
 * @example
 * ```ts
 * const hits = createHitRecorder(store, 1000);
 * hits.record('dshield', ['192.0.2.10']);
 * await hits.flush();
 * ```
 */
export function createHitRecorder(store: CowrieStore, flushAt: number) {
  let pending = new Map<string, Map<string, number>>();
  let size = 0;
  let inFlight: Promise<void> = Promise.resolve();

  const write = async (batch: Map<string, Map<string, number>>) => {
    const at = isoMicros(Date.now());
    const chunk = Math.max(1, store.dialect.maxBindParameters - 8);
    for (const [service, counts] of batch) {
      // Group keys by their count so each statement adds one constant.
      const byCount = new Map<number, string[]>();
      for (const [k, c] of counts) {
        const list = byCount.get(c);
        if (list) list.push(k);
        else byCount.set(c, [k]);
      }
      for (const [c, keys] of byCount) {
        for (let i = 0; i < keys.length; i += chunk) {
          await store.db.updateTable('enrichment_cache')
            .set((eb) => ({ hit_count: eb('hit_count', '+', c).$castTo<number>(), accessed_at: at }))
            .where('service', '=', service)
            .where('cache_key', 'in', keys.slice(i, i + chunk))
            .execute();
        }
      }
    }
  };

  const flush = (): Promise<void> => {
    if (size === 0) return inFlight;
    const batch = pending;
    pending = new Map();
    size = 0;
    // Statistics only: a failed update (a busy database) must never fail a lookup.
    inFlight = inFlight.then(() => write(batch)).catch(() => undefined);
    return inFlight;
  };

  return {
    record(service: string, keys: Iterable<string>): void {
      let m = pending.get(service);
      if (!m) pending.set(service, (m = new Map()));
      for (const k of keys) {
        const before = m.get(k);
        m.set(k, (before ?? 0) + 1);
        if (before === undefined) size++;
      }
      if (size >= flushAt) void flush();
    },
    flush,
  };
}
