/**
 * @module JSON-lines logger: one object per line with `ts`, `level`, `msg` and fields (request
 * ids, routes, durations). Secrets are never passed to it: callers log key ids, not keys.
 */

/** Levels, lowest first; `silent` logs nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** A logger writing JSON lines. */
export interface ApiLogger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/**
 * A logger at `level` writing to `out` (stdout by default).
 *
 * @example
 * ```ts
 * const log = createApiLogger('info');
 * log.info('request', { requestId, status: 200, ms: 1.2 });
 * ```
 */
export function createApiLogger(level: LogLevel, out: { write(s: string): unknown } = process.stdout, service = 'api'): ApiLogger {
  const at = (l: Exclude<LogLevel, 'silent'>) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[l] < ORDER[level]) return;
    out.write(`${JSON.stringify({ ts: new Date().toISOString(), level: l, service, msg, ...fields })}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
