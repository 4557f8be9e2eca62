#!/usr/bin/env node
// The floor every ingest figure is compared with: read the files and JSON.parse each line,
// nothing else (no hashing, no typing, no database). Prints one JSON object.
//   node bench/floor.mjs <files…>
import { openSync, readSync, closeSync } from 'node:fs';

const files = process.argv.slice(2);
const buf = Buffer.allocUnsafe(1 << 20);
let events = 0;
const t0 = process.hrtime.bigint();
for (const f of files) {
  const fd = openSync(f, 'r');
  let carry = Buffer.alloc(0);
  for (;;) {
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    const chunk = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      if (nl > start) {
        JSON.parse(chunk.toString('utf8', start, nl));
        events++;
      }
      start = nl + 1;
    }
    carry = Buffer.from(chunk.subarray(start));
  }
  if (carry.length) { JSON.parse(carry.toString('utf8')); events++; }
  closeSync(fd);
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ events, seconds, eventsPerSecond: Math.round(events / seconds), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
