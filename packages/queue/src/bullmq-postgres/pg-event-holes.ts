/** Ids missing from a read of the event stream, re-read until they appear or expire. */
export interface HoleTracker {
  /** Mark `from..to` (inclusive) as missing. */
  addRange(from: number, to: number): void;
  /** An id arrived; true when it was missing (false: already delivered). */
  fill(id: number): boolean;
  /** Drop holes older than the TTL (a rolled-back or trimmed id never appears). */
  expire(now?: number): void;
  list(): number[];
  size(): number;
}

/**
 * Missing event ids with the time they were first missed. A gap in the ids is almost always a
 * transaction that took its id and has not committed yet (it fills within milliseconds); a TTL far
 * above any BullMQ statement's run time and a cap keep the ones that never fill from piling up.
 *
 * @example
 * ```ts
 * const holes = holeTracker();
 * holes.addRange(11, 12);
 * holes.fill(11); // true: deliver it
 * holes.fill(11); // false: seen already
 * ```
 */
export function holeTracker(ttlMs = 30_000, max = 20_000): HoleTracker {
  // Insertion order is id order and age order, so the oldest come first.
  const missing = new Map<number, number>();
  return {
    addRange(from, to) {
      if (to < from) return;
      // A huge gap is trimmed history or another writer's ids, never in-flight commits of ours.
      const start = Math.max(from, to - max + 1);
      const now = Date.now();
      for (let id = start; id <= to; id++) missing.set(id, now);
      while (missing.size > max) missing.delete(missing.keys().next().value!);
    },
    fill: (id) => missing.delete(id),
    expire(now = Date.now()) {
      for (const [id, at] of missing) {
        if (now - at < ttlMs) break;
        missing.delete(id);
      }
    },
    list: () => [...missing.keys()],
    size: () => missing.size,
  };
}
