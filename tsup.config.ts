import { existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

// One config for every workspace package: each package runs `tsup --config ../../tsup.config.ts`
// from its own directory. Entries are the package's public surface: `src/index.ts`, plus
// `src/bin.ts` for packages that ship an executable, plus any subpath adapters listed in
// `src/entries.json` (so adapters can be imported on their own, as Hono does).
const entries = ['src/index.ts'];
if (existsSync('src/bin.ts')) entries.push('src/bin.ts');

export default defineConfig({
  entry: entries,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: true,
  shims: true,
});
