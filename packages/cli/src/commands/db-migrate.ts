import type { Command } from 'commander';
import { withStore, type DbOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { printJson, printLines } from '../output.js';
import { addDbOptions } from './common-options.js';

/**
 * `cowrie db migrate`: bring the schema to the current version (creating it when empty).
 *
 * @example
 * ```ts
 * registerDbMigrate(program.command('db'), io, (code) => (exitCode = code));
 * ```
 */
export function registerDbMigrate(db: Command, io: CliIo, setExit: (code: number) => void): void {
  addDbOptions(db.command('migrate').description('create or upgrade the database schema (the only command that migrates an existing database)'))
    .action(async (opts: DbOptions) => {
      const r = await withStore(io, opts, { access: 'migrate', command: 'db migrate' }, async (store) => {
        const m = await store.migrate();
        // Opening an empty database already created the schema: report that as what this run did.
        return store.created ? { ...m, from: 0, applied: store.created.applied, database: store.description } : { ...m, database: store.description };
      });
      if (opts.json) printJson(io, r);
      else if (r.applied.length === 0) printLines(io, [`${r.database}: schema is current (version ${r.to})`]);
      else printLines(io, [`${r.database}: migrated from version ${r.from} to ${r.to}`, ...r.applied.map((a) => `  applied ${a.version} ${a.name}`)]);
      setExit(0);
    });
}
