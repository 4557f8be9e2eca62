#!/usr/bin/env node
// Thin launcher so `npx cowrie` works from the repository root after `npm run build`.
import('../dist/bin.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('cowrie: the CLI is not built yet; run `npm run build` first\n');
  } else {
    process.stderr.write(`cowrie: ${err && err.message ? err.message : String(err)}\n`);
  }
  process.exit(2);
});
