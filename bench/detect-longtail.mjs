#!/usr/bin/env node
// Longtail benchmark: prints markdown (does not edit BENCHMARKS.md).
//   1. Quality: 5 injected novel sessions among ≥ 5,000 real ones must all rank in the top 20.
//   2. Speed: the whole `cowrie detect longtail` command (reading from the store included) per
//      backend at ~10k and ~100k sessions, each run in its own process for a true peak RSS.
// Real captures are read from ../shared/realdata (COWRIE_REALDATA); replicated copies go to
// .bench-data/ (git-ignored) through bench/make-dataset.mjs.
//
//   node bench/detect-longtail.mjs [--backends js,onnx-node,onnx-web] [--skip-100k]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const backends = opt('--backends', 'js,onnx-node,onnx-web').split(',');
const realdata = process.env.COWRIE_REALDATA ?? resolve(root, '../shared/realdata');
const cli = join(root, 'packages/cli/bin/cowrie.js');
const core = await import(join(root, 'packages/core/dist/index.js'));
const detection = await import(join(root, 'packages/detection/dist/index.js'));
const { novelSessionLines } = await tsImport('../packages/detection/test/longtail/support/novel-sessions.ts', import.meta.url);

const out = [];
const p = (s = '') => { out.push(s); console.log(s); };

async function loadInto(db, inputs) {
  const store = await core.openStore(db, { access: 'write' });
  try { return await core.bulkLoad(store, inputs); } finally { await store.close(); }
}

// 1. Quality on real background.
const tmp = mkdtempSync(join(tmpdir(), 'bench-longtail-'));
{
  const novel = novelSessionLines({ count: 5, sensor: 'ip-172-31-17-139', startIso: '2022-07-18T03:00:00Z', credential: ['admin', 'admin'] });
  writeFileSync(join(tmp, 'novel.json'), novel.lines.join('\n') + '\n');
  const db = join(tmp, 'quality.sqlite');
  const bg = ['alvarogar23__elastic', 'kingslayer458__Ssh-Honeypot-With-Machine-Learning', 'swipax__swipax.github.io', 'andymalepe__jsontocsv'].map((d) => join(realdata, d));
  await loadInto(db, [...bg, join(tmp, 'novel.json')]);
  const store = await core.openStore(db, { access: 'write' });
  const backend = await detection.resolveBackend({ forced: 'js' });
  const run = await detection.runLongtail(store, { since: '2021-01-01T00:00:00.000000Z', until: '2026-01-01T00:00:00.000000Z' }, { backend, baselineDays: 0 });
  await store.close();
  const keys = run.anomalousSessions.map((a) => `${a.sensor}/${a.session}`);
  const ranks = novel.injected.map((s) => ({ theme: s.theme, rank: keys.indexOf(`${s.sensor}/${s.session}`) + 1 }));
  const ok = ranks.every((r) => r.rank > 0 && r.rank <= 20);
  p('## Longtail');
  p();
  p(`### Injected novel sessions among ${run.stats.sessions - 5} real ones (top-20 check: ${ok ? 'PASS' : 'FAIL'})`);
  p();
  p('| injected session | rank |');
  p('|---|---|');
  for (const r of ranks) p(`| ${r.theme} | ${r.rank || '> 100'} |`);
  p();
}

// 2. Speed: the whole CLI command, one process per run.
const x1 = join(root, '.bench-data/longtail-x1.sqlite');
const x2 = join(root, '.bench-data/longtail-x2.sqlite');
mkdirSync(join(root, '.bench-data'), { recursive: true });
if (!existsSync(x1)) await loadInto(x1, [realdata]);
// Databases kept from an earlier run may have an older schema: bring them to the current one.
for (const db of [x1, x2]) if (existsSync(db)) execFileSync(process.execPath, [cli, 'db', 'migrate', '--db', db], { stdio: 'ignore' });
if (!args.includes('--skip-100k') && !existsSync(x2)) {
  const data = JSON.parse(execFileSync(process.execPath, [join(root, 'bench/make-dataset.mjs'), '--copies', '2', '--out', '.bench-data/realdata-x2'], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop());
  await loadInto(x2, [data.out]);
}
const cases = [
  { label: '~10k', db: x1, window: ['--since', '2018-06-08', '--until', '2018-07-03'] },
  ...(args.includes('--skip-100k') ? [] : [{ label: '~100k', db: x2, window: ['--since', '2000-01-01', '--until', '2100-01-01', '--baseline-days', '0'] }]),
];
p('### Speed: whole `cowrie detect longtail --no-cache` (store read included), this machine');
p();
p('| sessions | backend | seconds | sessions/s | peak RSS MB | anomalous | rare commands |');
p('|---|---|---|---|---|---|---|');
for (const c of cases) {
  for (const b of backends) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'detect', 'longtail', '--db', c.db, ...c.window, '--backend', b, '--no-cache', '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const rssKb = Number(r.stderr.trim().split('\n').pop());
    if (r.status !== 0 && r.status !== 1) { p(`| ${c.label} | ${b} | failed: ${r.stderr.trim().split('\n')[0]} | | | | |`); continue; }
    const j = JSON.parse(r.stdout);
    p(`| ${j.stats.sessions} | ${j.backend} | ${j.seconds} | ${Math.round(j.stats.sessions / j.seconds)} | ${Math.round(rssKb / 1024)} | ${j.totals.anomalousSessions} | ${j.totals.rareCommands} |`);
  }
}
p();
p('Cost grows with distinct (deduplicated) feature rows × a reference of at most 4,096 rows, never sessions².');
rmSync(tmp, { recursive: true, force: true });
