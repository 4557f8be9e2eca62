import { CowrieError } from '@cowrieprocessor/core';
import type { CliIo } from './io.js';

/**
 * Print one JSON object on stdout and nothing else there (`--json`).
 *
 * @example
 * ```ts
 * printJson(io, { total: 2, byReason: { invalid_json: 2 } });
 * ```
 */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/**
 * Print lines of human output on stdout.
 *
 * @example
 * ```ts
 * printLines(io, ['no dead letters']);
 * ```
 */
export function printLines(io: CliIo, lines: string[]): void {
  io.stdout.write(lines.join('\n') + '\n');
}

/**
 * Render `[{value,count}]` lists as aligned two-column text (values made terminal-safe and cut
 * to `width` characters).
 *
 * @example
 * ```ts
 * formatTop('Top usernames', [{ value: 'root', count: 12 }, { value: 'admin', count: 3 }]);
 * // ['Top usernames:', '  12  root', '   3  admin']
 * ```
 */
export function formatTop(title: string, rows: Array<{ value: string; count: number }>, width = 60): string[] {
  if (rows.length === 0) return [`${title}: (none)`];
  const pad = Math.max(...rows.map((r) => String(r.count).length));
  return [`${title}:`, ...rows.map((r) => `  ${String(r.count).padStart(pad)}  ${truncate(printable(r.value), width)}`)];
}

/**
 * Make attacker-controlled text safe for a terminal: control characters shown as escapes.
 *
 * @example
 * ```ts
 * printable('ls\x1b[2J\n'); // 'ls\\x1b[2J\\n'
 * ```
 */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/**
 * Shorten to `n` characters with an ellipsis.
 *
 * @example
 * ```ts
 * truncate('cat /proc/cpuinfo', 8); // 'cat /pr…'
 * ```
 */
export function truncate(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}

/**
 * One clear line on stderr for an error (`cowrie: …`, plus the stack when `COWRIE_DEBUG` is
 * set); returns the exit code (2).
 *
 * @example
 * ```ts
 * return reportError(io, new UsageError('BAD_TIME', 'since: "1" is not an ISO-8601 time')); // 2
 * ```
 */
export function reportError(io: CliIo, err: unknown): number {
  const msg = err instanceof CowrieError ? err.message : err instanceof Error ? err.message : String(err);
  io.stderr.write(`cowrie: ${msg}\n`);
  if (io.env.COWRIE_DEBUG && err instanceof Error && err.stack) io.stderr.write(err.stack + '\n');
  return 2;
}
