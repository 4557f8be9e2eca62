import { CowrieError } from '@cowrieprocessor/core';
import type { CliIo } from './io.js';

/** Print one JSON object on stdout and nothing else there (`--json`). */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Print lines of human output on stdout. */
export function printLines(io: CliIo, lines: string[]): void {
  io.stdout.write(lines.join('\n') + '\n');
}

/** Render `[{value,count}]` lists as aligned two-column text. */
export function formatTop(title: string, rows: Array<{ value: string; count: number }>, width = 60): string[] {
  if (rows.length === 0) return [`${title}: (none)`];
  const pad = Math.max(...rows.map((r) => String(r.count).length));
  return [`${title}:`, ...rows.map((r) => `  ${String(r.count).padStart(pad)}  ${truncate(printable(r.value), width)}`)];
}

/** Make attacker-controlled text safe for a terminal: control characters shown as escapes. */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** Shorten to `n` characters with an ellipsis. */
export function truncate(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}

/** One clear line on stderr for an error; returns the exit code (2). */
export function reportError(io: CliIo, err: unknown): number {
  const msg = err instanceof CowrieError ? err.message : err instanceof Error ? err.message : String(err);
  io.stderr.write(`cowrie: ${msg}\n`);
  if (io.env.COWRIE_DEBUG && err instanceof Error && err.stack) io.stderr.write(err.stack + '\n');
  return 2;
}
