#!/usr/bin/env node
// What the database alone can do: insert the events of one file into a table shaped like
// raw_events (same columns, same indexes, the product's SQLite settings), with every value
// computed before the clock starts. No parsing, typing, derived rows or sessions are timed.
// It bounds what any loader can reach on this machine, whatever it does in JavaScript.
//   node bench/store-floor.mjs <file> [indexes: none|hash|hash+ts|all]
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [file, indexes = 'all'] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'cowrie-store-floor-'));
const db = new Database(join(dir, 'floor.sqlite'));
for (const p of ['page_size=16384', 'journal_mode=WAL', 'synchronous=NORMAL', 'cache_size=-65536', 'wal_autocheckpoint=4000']) db.pragma(p);
db.exec(`create table raw_events(id integer primary key, content_hash blob not null, eventid text not null, ts text, sensor text not null,
  session text, src_ip text, payload text not null, raw blob, source_id integer not null, line integer not null, byte_offset integer not null)`);
const idx = {
  none: [],
  hash: ['create unique index h on raw_events(content_hash)'],
  'hash+ts': ['create unique index h on raw_events(content_hash)', 'create index t on raw_events(ts)'],
  // The schema's raw_events indexes (step 5): one unique (ts, hash), the untimed ones, the position.
  all: ['create unique index th on raw_events(ts, content_hash)', 'create unique index uh on raw_events(content_hash) where ts is null',
    'create index u on raw_events(sensor, session) where ts is null', 'create index sl on raw_events(source_id, line)'],
}[indexes];
for (const s of idx) db.exec(s);
const rows = [];
let line = 0;
for (const l of readFileSync(file, 'utf8').split('\n')) {
  line++;
  if (!l) continue;
  let o;
  try { o = JSON.parse(l); } catch { continue; }
  rows.push([createHash('sha256').update(l).digest().subarray(0, 16), String(o.eventid), o.timestamp ?? null, o.sensor ?? '', o.session ?? null, o.src_ip ?? null, l, null, 1, line, line * 450]);
}
const conflict = idx.length ? ' on conflict do nothing' : '';
const ins = db.prepare(`insert into raw_events(content_hash,eventid,ts,sensor,session,src_ip,payload,raw,source_id,line,byte_offset) values (?,?,?,?,?,?,?,?,?,?,?)${conflict}`);
const tx = db.transaction((rs) => { for (const r of rs) ins.run(r); });
const t0 = process.hrtime.bigint();
for (let i = 0; i < rows.length; i += 10_000) tx(rows.slice(i, i + 10_000));
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
db.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ rows: rows.length, indexes, seconds, rowsPerSecond: Math.round(rows.length / seconds) }));
