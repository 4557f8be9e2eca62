/**
 * @module Bounds the database work in flight to the pool size and counts it: the `in use` and
 * `waiting` gauges of `/metrics` are read from here (core's store does not expose its pool).
 */

/** A counting semaphore around database work. */
export interface DbGate {
  run<T>(fn: () => Promise<T>): Promise<T>;
  readonly size: number;
  readonly inUse: number;
  readonly waiting: number;
}

/**
 * A gate admitting `size` concurrent jobs, first come first served.
 *
 * @example
 * ```ts
 * const gate = createDbGate(8);
 * const rows = await gate.run(() => topN(store, 'srcIp'));
 * ```
 */
export function createDbGate(size: number): DbGate {
  let inUse = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    inUse -= 1;
    const next = queue.shift();
    if (next) {
      inUse += 1;
      next();
    }
  };
  return {
    size,
    get inUse() {
      return inUse;
    },
    get waiting() {
      return queue.length;
    },
    async run<T>(fn: () => Promise<T>): Promise<T> {
      if (inUse < size) inUse += 1;
      else await new Promise<void>((r) => queue.push(r));
      try {
        return await fn();
      } finally {
        release();
      }
    },
  };
}
