import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared/realdata` beside the checkout (env `COWRIE_REALDATA` overrides); never copied into the repo. */
export const REALDATA = process.env.COWRIE_REALDATA ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../../shared/realdata');

/** Real captures of about 5,200 sessions (2021–2025 eras), the background of the quality test. */
export const BACKGROUND_5K = ['alvarogar23__elastic', 'kingslayer458__Ssh-Honeypot-With-Machine-Learning', 'swipax__swipax.github.io', 'andymalepe__jsontocsv'];

/**
 * Absolute paths of real capture directories; throws (never skips) when the data is missing.
 *
 * @example
 * ```ts
 * await bulkLoad(store, realdataDirs(BACKGROUND_5K));
 * ```
 */
export function realdataDirs(names: string[]): string[] {
  const dirs = names.map((n) => join(REALDATA, n));
  for (const d of dirs) if (!existsSync(d)) throw new Error(`real data missing: ${d} (set COWRIE_REALDATA)`);
  return dirs;
}
