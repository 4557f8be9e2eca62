/**
 * Resolve when the process gets SIGTERM or SIGINT (services stop gracefully on either).
 *
 * @example
 * ```ts
 * await untilSignal();
 * await service.stop();
 * ```
 */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (s: NodeJS.Signals) => {
      process.off('SIGTERM', on);
      process.off('SIGINT', on);
      resolve(s);
    };
    process.once('SIGTERM', on);
    process.once('SIGINT', on);
  });
}

/**
 * Parse a non-negative integer flag value (commander parser), naming the flag on error.
 *
 * @example
 * ```ts
 * cmd.option('--port <n>', 'port', intFlag('--port'));
 * ```
 */
export function intFlag(flag: string, min = 0): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || !Number.isInteger(n) || n < min) throw new Error(`${flag} must be an integer ≥ ${min}, got "${v}"`);
    return n;
  };
}
