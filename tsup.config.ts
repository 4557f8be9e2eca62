import { existsSync, readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

// One config for every workspace package: each package runs `tsup --config ../../tsup.config.ts`
// from its own directory. Entries are the package's public surface: `src/index.ts`, plus
// `src/bin.ts` for packages that ship an executable, plus any subpath adapters listed in
// `src/entries.json` (so adapters can be imported on their own, as Hono does).
const entries = ['src/index.ts'];
if (existsSync('src/bin.ts')) entries.push('src/bin.ts');
const extra: Record<string, string> = existsSync('src/entries.json') ? JSON.parse(readFileSync('src/entries.json', 'utf8')) : {};
const entry: Record<string, string> = Object.fromEntries(entries.map((e) => [e.replace(/^src\//, '').replace(/\.ts$/, ''), e]));
Object.assign(entry, extra);

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: true,
  shims: true,
});
