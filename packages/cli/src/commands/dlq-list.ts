import type { Command } from 'commander';
import { countDeadLetters, listDeadLetters } from '@cowrieprocessor/core';
import { withStore, type DbOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { printJson, printLines, printable, truncate } from '../output.js';
import { addDbOptions, positiveInt } from './common-options.js';

interface DlqOptions extends DbOptions {
  reason?: string;
  source?: string;
  limit: number;
}

/**
 * `cowrie dlq list`: records that could not become events, with file, line and reason.
 *
 * @example
 * ```ts
 * registerDlqList(program.command('dlq'), io, (code) => (exitCode = code));
 * ```
 */
export function registerDlqList(dlq: Command, io: CliIo, setExit: (code: number) => void): void {
  addDbOptions(dlq.command('list').description('list dead letters: rejected records with file, line, reason and their original bytes'))
    .option('--reason <reason>', 'only this reason (invalid_json, truncated, not_object, missing_eventid, too_large)')
    .option('--source <text>', 'only sources whose name or path contains this text')
    .option('--limit <n>', 'at most this many', positiveInt('--limit'), 100)
    .action(async (opts: DlqOptions) => {
      const { items, counts } = await withStore(io, opts, { access: 'read', command: 'dlq list' }, async (store) => ({
        items: await listDeadLetters(store, { reason: opts.reason, source: opts.source, limit: opts.limit }),
        counts: await countDeadLetters(store),
      }));
      if (opts.json) {
        printJson(io, { total: Object.values(counts).reduce((a, b) => a + b, 0), byReason: counts, items });
      } else if (items.length === 0) {
        printLines(io, ['no dead letters']);
      } else {
        printLines(io, items.map((d) => `${printable(d.source)}:${d.line} [${d.reason}] ${printable(d.message)}\n    ${truncate(printable(d.preview), 120)}`));
      }
      setExit(0);
    });
}
