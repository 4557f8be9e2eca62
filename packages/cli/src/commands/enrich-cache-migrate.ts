import type { Command } from 'commander';
import { resolve } from 'node:path';
import { migrateDiskCache, type MigrateCacheResult } from '@cowrieprocessor/enrichment';
import { withStore } from '../context.js';
import type { CliIo } from '../io.js';
import { printJson, printLines } from '../output.js';
import { enrichProgressBar } from './enrich-progress.js';

interface MigrateCliOptions {
  from: string;
  to?: string;
  db?: string;
  dryRun?: boolean;
  verify?: boolean;
  json?: boolean;
  progress?: boolean;
}

/**
 * `cowrie enrich cache migrate --from <dir> --to <db>`: copy a (predecessor) disk cache into the
 * database's cache table; idempotent; `--verify` compares every entry (exit 2 on a difference).
 *
 * @example
 * ```ts
 * registerEnrichCacheMigrate(program.command('enrich').command('cache'), io, (code) => (exitCode = code));
 * ```
 */
export function registerEnrichCacheMigrate(cache: Command, io: CliIo, setExit: (code: number) => void): void {
  cache.command('migrate').description('copy a disk cache directory (the predecessor\'s layout) into the database cache')
    .requiredOption('--from <dir>', 'the cache directory (e.g. /mnt/dshield/data/cache)')
    .option('--to <target>', 'database: a file path, sqlite:<path> or postgres://… (default --db, COWRIE_DB, ./cowrie.sqlite)')
    .option('--db <target>', 'same as --to')
    .option('--dry-run', 'count what would be migrated; write nothing')
    .option('--verify', 'afterwards compare every migrated entry with the disk')
    .option('--json', 'print one JSON object on stdout and nothing else there')
    .option('--no-progress', 'no progress bar even on a terminal')
    .action(async (opts: MigrateCliOptions) => {
      const bar = enrichProgressBar(io, opts.progress !== false);
      let r: MigrateCacheResult;
      try {
        r = await withStore(io, { db: opts.to ?? opts.db }, { access: 'write', command: 'enrich cache migrate' }, (store) =>
          migrateDiskCache(store, { from: resolve(io.cwd, opts.from), dryRun: opts.dryRun, verify: opts.verify, onProgress: bar.update }));
      } finally {
        bar.stop();
      }
      if (opts.json) printJson(io, r);
      else printLines(io, describeMigrate(r));
      const bad = (r.mismatches?.length ?? 0) > 0;
      if (bad) io.stderr.write(`cowrie: verify found ${r.mismatches!.length} entries that differ between disk and database\n`);
      setExit(bad ? 2 : 0);
    });
}

/**
 * Human summary of a cache migration.
 *
 * @example
 * ```ts
 * describeMigrate(r); // ['Cache migration: 120 files, 118 entries, 118 migrated, 0 unchanged, 2 expired, 0 unresolved', …]
 * ```
 */
export function describeMigrate(r: MigrateCacheResult): string[] {
  return [
    `Cache migration${r.dryRun ? ' (dry run)' : ''}: ${r.files} files, ${r.entries} entries, ${r.migrated} migrated, ${r.unchanged} unchanged, ${r.expired} expired, ${r.unresolved} unresolved`,
    ...(r.verified === undefined ? [] : [`  verified ${r.verified}, ${r.mismatches!.length} differ`]),
  ];
}
