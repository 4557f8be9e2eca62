import type { Command } from 'commander';
import { parseWindow } from '@cowrieprocessor/core';
import { enrichmentStatus, type EnrichmentStatus } from '@cowrieprocessor/enrichment';
import { withStore, type DbOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { printJson, printLines } from '../output.js';
import { addDbOptions } from './common-options.js';

interface StatusCliOptions extends DbOptions {
  since?: string;
  until?: string;
}

/**
 * `cowrie enrich status`: per service, the share of distinct subjects seen in the window with
 * fresh enrichment, expired entries and hit rates; see `enrichmentStatus`.
 *
 * @example
 * ```ts
 * registerEnrichStatus(program.command('enrich'), io, (code) => (exitCode = code));
 * ```
 */
export function registerEnrichStatus(enrich: Command, io: CliIo, setExit: (code: number) => void): void {
  addDbOptions(enrich.command('status').description('per service: share of IPs, hashes and passwords of a window with fresh enrichment, expired entries, hit rates'))
    .option('--since <iso>', 'start of the window, inclusive (same forms as report summary)')
    .option('--until <iso>', 'end of the window, exclusive')
    .action(async (opts: StatusCliOptions) => {
      const w = parseWindow(opts.since, opts.until);
      const s = await withStore(io, opts, { access: 'read', command: 'enrich status' }, (store) => enrichmentStatus(store, w));
      if (opts.json) printJson(io, s);
      else printLines(io, describeStatus(s));
      setExit(0);
    });
}

/**
 * Human rendering: one line per service.
 *
 * @example
 * ```ts
 * describeStatus(s); // ['Enrichment (all data)', '  dshield   ip        12 seen, 12 fresh (100.0%), 0 expired, 0 missing; …']
 * ```
 */
export function describeStatus(s: EnrichmentStatus): string[] {
  const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
  const win = s.window.since || s.window.until ? `${s.window.since ?? '…'} to ${s.window.until ?? '…'}` : 'all data';
  return [`Enrichment (${win})`, ...Object.entries(s.services).map(([name, x]) =>
    `  ${name.padEnd(10)} ${x.subjectType.padEnd(8)} ${x.seen} seen, ${x.fresh} fresh (${pct(x.freshShare)}), ${x.expired} expired, ${x.missing} missing; `
    + `cache ${x.cache.entries} (${x.cache.expired} expired, ${x.cache.errors} errors); hit rate ${pct(x.stats.hitRate)}`)];
}
