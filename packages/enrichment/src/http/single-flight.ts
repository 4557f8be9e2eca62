interface Flight<V> { promise: Promise<V>; waiters: number; ctl: AbortController }

/**
 * Concurrent calls for the same key share one in-flight call: ten lookups of one IP while its
 * request runs cost one request (and one rate-limit token), not ten. Each caller may abort its
 * own wait; the shared call is aborted only when every caller has given up.
 *
 * @example
 * ```ts
 * const flights = new SingleFlight<string, Answer>();
 * const [a, b] = await Promise.all([flights.run('1.2.3.4', load), flights.run('1.2.3.4', load)]); // load ran once
 * ```
 */
export class SingleFlight<K, V> {
  private readonly inFlight = new Map<K, Flight<V>>();

  /** Run `fn` for `key`, or join the call already running for it. */
  run(key: K, fn: (signal: AbortSignal) => Promise<V>, signal?: AbortSignal): Promise<V> {
    signal?.throwIfAborted();
    let flight = this.inFlight.get(key);
    if (!flight) {
      const ctl = new AbortController();
      const f: Flight<V> = { promise: Promise.resolve(undefined as V), waiters: 0, ctl };
      f.promise = fn(ctl.signal).finally(() => {
        if (this.inFlight.get(key) === f) this.inFlight.delete(key);
      });
      this.inFlight.set(key, f);
      flight = f;
    }
    flight.waiters += 1;
    return signal ? this.join(key, flight, signal) : flight.promise;
  }

  /** Keys with a call in flight. */
  get size(): number {
    return this.inFlight.size;
  }

  private join(key: K, flight: Flight<V>, signal: AbortSignal): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      const onAbort = () => {
        flight.waiters -= 1;
        if (flight.waiters === 0) {
          // Nobody wants the answer any more: stop the call and let the next caller start afresh.
          if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
          flight.ctl.abort(signal.reason);
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }
}
