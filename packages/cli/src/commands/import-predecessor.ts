import type { Command } from 'commander';
import { importPredecessor, type PredecessorImportResult } from '@cowrieprocessor/core';
import { withStore, type DbOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { printJson, printLines } from '../output.js';
import { loadProgressBar } from '../progress.js';
import { addDbOptions } from './common-options.js';
import { describeLoad } from './load-bulk.js';

interface ImportOptions extends DbOptions {
  from: string;
  progress?: boolean;
}

/**
 * Register `cowrie import predecessor --from <its database>` on the `import` group.
 *
 * @example
 * ```ts
 * registerImportPredecessor(program.command('import'), io, (code) => (exitCode = code));
 * ```
 */
export function registerImportPredecessor(group: Command, io: CliIo, setExit: (code: number) => void): void {
  addDbOptions(group.command('predecessor')
    .description('re-ingest a Python cowrieprocessor database (events with original commands and file positions, enrichment cache, HIBP results); it is only read')
    .requiredOption('--from <database>', 'its SQLite file or postgres:// URL (?schema= for a non-public schema)')
    .option('--no-progress', 'no progress bar even on a terminal'))
    .action(async (opts: ImportOptions) => {
      const bar = loadProgressBar(io, opts.progress !== false);
      let r: PredecessorImportResult;
      try {
        r = await withStore(io, opts, { access: 'write', command: 'import predecessor' }, (store) => importPredecessor(store, opts.from, { onProgress: bar.update }));
      } finally {
        bar.stop();
      }
      if (opts.json) printJson(io, r);
      else printLines(io, describeImport(r));
      setExit(r.load.failed.length > 0 ? 2 : 0);
    });
}

/**
 * Human summary of an import.
 *
 * @example
 * ```ts
 * console.log(describeImport(await importPredecessor(store, 'old.sqlite')).join('\n'));
 * ```
 */
export function describeImport(r: PredecessorImportResult): string[] {
  const e = r.enrichment;
  const unmapped = Object.entries(e.unmappedServices).map(([s, n]) => `${s} (${n})`).join(', ');
  return [
    `imported from ${r.from}`,
    ...describeLoad(r.load),
    `commands restored from input_original: ${r.payloads.restoredCommands}${r.payloads.lostCommands ? `; ${r.payloads.lostCommands} kept only in rewritten form (the predecessor did not keep the original)` : ''}`,
    ...(r.payloads.withoutPosition ? [`${r.payloads.withoutPosition} events had no file position (a later load of their file cannot recognise them)`] : []),
    `enrichment cache: ${e.cacheImported} entries imported, ${e.cacheSkipped} skipped${unmapped ? `; services we do not query, not imported: ${unmapped}` : ''}`,
    `HIBP password results: ${e.passwordsImported} imported, ${e.passwordsUnchecked} never checked there`,
    ...r.notImported.map((n) => `not copied: ${n.table} (${n.reason})`),
  ];
}
