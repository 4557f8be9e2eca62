import type { Command } from 'commander';
import { parseWindow, summarize, type SummaryReport } from '@cowrieprocessor/core';
import { withStore, type DbOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { formatTop, printJson, printLines } from '../output.js';
import { addDbOptions, addWindowOptions, positiveInt } from './common-options.js';

interface SummaryOptions extends DbOptions {
  since?: string;
  until?: string;
  sensor?: string;
  top: number;
}

/**
 * `cowrie report summary`: the {@link summarize} report of a window, human or `--json`.
 *
 * @example
 * ```ts
 * registerReportSummary(program.command('report'), io, (code) => (exitCode = code));
 * ```
 */
export function registerReportSummary(report: Command, io: CliIo, setExit: (code: number) => void): void {
  addWindowOptions(addDbOptions(report.command('summary').description('sessions, events, top attackers, credentials, commands, downloads and fingerprints of a window')))
    .option('--top <n>', 'entries per top list', positiveInt('--top'), 10)
    .action(async (opts: SummaryOptions) => {
      const w = parseWindow(opts.since, opts.until);
      const r = await withStore(io, opts, { access: 'read', command: 'report summary' }, (store) =>
        summarize(store, { ...w, sensor: opts.sensor, top: opts.top }));
      if (opts.json) printJson(io, r);
      else printLines(io, describeSummary(r));
      setExit(0);
    });
}

/**
 * Human rendering of the summary: totals, then the top lists.
 *
 * @example
 * ```ts
 * const lines = describeSummary(await summarize(store, { top: 5 }));
 * // ['Summary (all data)', '  sessions 3, events 19, unique IPs 2, sensors 2', …]
 * ```
 */
export function describeSummary(r: SummaryReport): string[] {
  const win = r.window.since || r.window.until ? `${r.window.since ?? '…'} to ${r.window.until ?? '…'}` : 'all data';
  return [
    `Summary (${win}${r.window.sensor ? `, sensor ${r.window.sensor}` : ''})`,
    `  sessions ${r.sessions}, events ${r.events}, unique IPs ${r.uniqueIps}, sensors ${r.sensors}`,
    `  logins ${r.loginAttempts} (${r.loginSuccesses} successful), commands ${r.commands}, downloads ${r.downloads}`,
    `  first event ${r.firstEvent ?? '-'}, last event ${r.lastEvent ?? '-'}`,
    '',
    ...formatTop('Top source IPs (sessions)', r.topIps),
    ...formatTop('Top usernames (attempts)', r.topUsernames),
    ...formatTop('Top passwords (attempts)', r.topPasswords),
    ...formatTop('Top commands (events)', r.topCommands),
    ...formatTop('Top downloads (events)', r.topDownloads),
    ...formatTop('Top HASSH (sessions)', r.topHassh),
    ...formatTop('Top client versions (sessions)', r.topClientVersions),
  ];
}
