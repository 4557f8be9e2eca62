#!/usr/bin/env node
// Build the benchmark input: the real captures in ../shared/realdata replicated into N distinct
// copies (session ids suffixed, timestamps shifted by whole copies of the data's span), so that no
// copy is a duplicate of another. Written to .bench-data/ (git-ignored; never committed).
//
//   node bench/make-dataset.mjs [--copies 5] [--out .bench-data/realdata-x5]
import { createReadStream, mkdirSync, readdirSync, statSync, createWriteStream, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const copies = Number(opt('--copies', '5'));
const out = resolve(root, opt('--out', `.bench-data/realdata-x${copies}`));
const realdata = process.env.COWRIE_REALDATA ?? resolve(root, '../shared/realdata');

function walk(dir) {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /cowrie/i.test(n) ? [p] : [];
  });
}

async function* lines(file) {
  const s = createReadStream(file);
  const input = file.endsWith('.gz') ? s.pipe(createGunzip()) : s;
  yield* createInterface({ input, crlfDelay: Infinity });
}

const YEAR_MS = 366 * 24 * 3600 * 1000; // the data spans 2017–2025: shift each copy by ten years
function shift(ts, k) {
  const ms = Date.parse(ts);
  if (!Number.isFinite(ms)) return ts;
  const frac = /\.(\d+)/.exec(ts)?.[1]?.padEnd(6, '0').slice(0, 6) ?? '000000';
  return new Date(ms + k * 10 * YEAR_MS).toISOString().slice(0, 19) + '.' + frac + 'Z';
}

if (existsSync(join(out, 'DONE'))) {
  console.log(JSON.stringify({ out, reused: true }));
  process.exit(0);
}
mkdirSync(out, { recursive: true });
let events = 0;
for (let k = 0; k < copies; k++) {
  const w = createWriteStream(join(out, `copy-${k}.json`));
  for (const f of walk(realdata)) {
    for await (const line of lines(f)) {
      let o;
      try { o = JSON.parse(line); } catch { continue; }
      if (k > 0) {
        if (typeof o.session === 'string') o.session = `${o.session}x${k}`;
        if (typeof o.timestamp === 'string') o.timestamp = shift(o.timestamp, k);
      }
      if (!w.write(JSON.stringify(o) + '\n')) await new Promise((r) => w.once('drain', r));
      events++;
    }
  }
  await new Promise((r) => w.end(r));
}
createWriteStream(join(out, 'DONE')).end(String(events));
console.log(JSON.stringify({ out, events, copies }));
