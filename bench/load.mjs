#!/usr/bin/env node
// One measured load, in its own process so peak RSS is the load's alone. Prints one JSON object.
//   node bench/load.mjs <bulk|delta> <db> <files…>
import * as core from '../packages/core/dist/index.js';

const [kind, db, ...files] = process.argv.slice(2);
const store = await core.openStore(db);
const t0 = process.hrtime.bigint();
// PREPARE=thread: records parsed on a worker thread (the loader's `prepare` option; default inline).
const opts = process.env.PREPARE ? { prepare: process.env.PREPARE } : {};
const r = kind === 'delta' ? await core.deltaLoad(store, files, opts) : await core.bulkLoad(store, files, opts);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
await store.close();
console.log(JSON.stringify({
  kind, records: r.records, events: r.events, duplicates: r.duplicates, deadLetters: r.deadLetters,
  seconds, eventsPerSecond: Math.round(r.records / seconds), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  memoryAtEndMB: Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 2 ** 20)])),
}));
