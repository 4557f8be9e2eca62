/** Options of {@link beatScheduler}. */
export interface BeatSchedulerOptions {
  /** Sends one heartbeat (and applies what it learns). */
  beat: () => Promise<void>;
  /** Gets every error of `beat` (the next beat retries). */
  onError?: (err: unknown) => void;
  /** Least time between two beats asked for by {@link BeatScheduler.soon} (default 100 ms). */
  minGapMs?: number;
}

/** Single-flight, throttled heartbeats. */
export interface BeatScheduler {
  /**
   * Beat now unless one ran within `minGapMs`; then once when the gap has passed. `urgent` skips
   * the gap (still after a running beat).
   */
  soon(urgent?: boolean): void;
  /** Resolves when no beat is running or pending. */
  idle(): Promise<void>;
  /** No more beats after the running one. */
  stop(): void;
}

/**
 * Heartbeats on demand without flooding the datastore: a worker asks for a beat whenever its
 * free-slot state changes, which with tiny jobs happens thousands of times a second. Beats never
 * overlap; asks within `minGapMs` of the last beat fold into one trailing beat, so peers still see
 * the latest state at most `minGapMs` (plus one round trip) late, and an urgent ask (the worker
 * just turned idle: peers must stop taking its preferred jobs) only one round trip late.
 *
 * @example
 * ```ts
 * const beats = beatScheduler({ beat: () => registry.heartbeat(info), minGapMs: 100 });
 * beats.soon(); // on a job start or end
 * ```
 */
export function beatScheduler(o: BeatSchedulerOptions): BeatScheduler {
  const gap = o.minGapMs ?? 100;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let trailing: { urgent: boolean } | null = null;
  let lastStart = -Infinity;
  let stopped = false;
  const waiters: Array<() => void> = [];
  const settle = () => {
    if (running || timer || trailing) return;
    for (const w of waiters.splice(0)) w();
  };
  const run = () => {
    timer = null;
    lastStart = Date.now();
    running = o.beat().catch((err) => o.onError?.(err)).finally(() => {
      running = null;
      const next = trailing;
      trailing = null;
      if (next) soon(next.urgent);
      settle();
    });
  };
  const soon = (urgent = false) => {
    if (stopped) return settle();
    if (running) {
      trailing = { urgent: urgent || (trailing?.urgent ?? false) };
      return;
    }
    if (timer) {
      if (!urgent) return;
      clearTimeout(timer);
      return run();
    }
    const wait = urgent ? 0 : lastStart + gap - Date.now();
    if (wait <= 0) return run();
    timer = setTimeout(run, wait);
    timer.unref?.();
  };
  return {
    soon,
    idle: () => (running || timer || trailing ? new Promise<void>((r) => waiters.push(r)) : Promise.resolve()),
    stop() {
      stopped = true;
      trailing = null;
      if (timer) clearTimeout(timer);
      timer = null;
      settle();
    },
  };
}
