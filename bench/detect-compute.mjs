#!/usr/bin/env node
// Micro-benchmark of the compute backends (uses the built dist: `npm run build` first).
// Pairwise squared distances n×n (the full n² output) for n in 1k, 2k, 5k and d = 16, 32 on every
// backend, plus a blocked k-nearest-neighbour self-join (memory bounded by tiles), and prints a
// markdown table: best-of-REPS ms, the first run (session creation included), and the speed-up
// over js. Options: --reps N (default 3), --sizes 1000,2000,5000, --dims 16,32, --knn 10000, --json.
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { resolveBackend, nearestNeighbours, BACKEND_NAMES } = await import(join(root, 'packages/detection/dist/index.js'));

const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(name) ? args[args.indexOf(name) + 1] : def);
const reps = Number(opt('--reps', '3'));
const sizes = opt('--sizes', '1000,2000,5000').split(',').map(Number);
const dims = opt('--dims', '16,32').split(',').map(Number);
const knnN = Number(opt('--knn', '10000'));
const asJson = args.includes('--json');
const loadAtStart = loadavg()[0];

/** Seeded uniform data (mulberry32), so every backend sees the same numbers. */
function randomMatrix(rows, cols, seed) {
  let a = seed >>> 0;
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < data.length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    data[i] = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  return { data, rows, cols };
}

async function time(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const backends = [];
for (const name of BACKEND_NAMES) {
  const t = performance.now();
  try {
    backends.push({ name, backend: await resolveBackend({ forced: name }), loadMs: performance.now() - t });
  } catch (e) {
    console.error(`${name}: not available (${e.message})`);
  }
}

const rows = [];
for (const n of sizes) {
  for (const d of dims) {
    const x = randomMatrix(n, d, n * 31 + d);
    const row = { kernel: 'pairwiseSqEuclidean', n, d, results: {} };
    for (const { name, backend } of backends) {
      const runsBefore = backend.runs;
      const first = await time(() => backend.pairwiseSqEuclidean(x, x));
      let best = Number.POSITIVE_INFINITY;
      for (let r = 0; r < reps; r++) best = Math.min(best, await time(() => backend.pairwiseSqEuclidean(x, x)));
      row.results[name] = { firstMs: first, ms: best, runs: backend.runs - runsBefore };
      console.error(`pairwise n=${n} d=${d} ${name}: ${best.toFixed(1)} ms`);
    }
    rows.push(row);
  }
}
{
  // Many small calls, as detectors make inside LSH buckets: per-call overhead dominates here.
  const x = randomMatrix(64, 16, 3);
  const row = { kernel: '1000 small calls (64×64)', n: 64, d: 16, results: {} };
  for (const { name, backend } of backends) {
    const runsBefore = backend.runs;
    const ms = await time(async () => {
      for (let i = 0; i < 1000; i++) await backend.pairwiseSqEuclidean(x, x);
    });
    row.results[name] = { firstMs: ms, ms, runs: backend.runs - runsBefore };
    console.error(`small calls ${name}: ${ms.toFixed(1)} ms`);
  }
  rows.push(row);
}
if (knnN > 0) {
  const x = randomMatrix(knnN, 16, 7);
  const row = { kernel: 'nearestNeighbours k=10 (self-join, 2048×8192 tiles; ONNX: fused TopK)', n: knnN, d: 16, results: {} };
  for (const { name, backend } of backends) {
    const runsBefore = backend.runs;
    const ms = await time(() => nearestNeighbours(backend, x, x, 10, 'sqeuclidean', { excludeSelf: true }));
    row.results[name] = { firstMs: ms, ms, runs: backend.runs - runsBefore };
    console.error(`knn n=${knnN} ${name}: ${ms.toFixed(1)} ms`);
  }
  rows.push(row);
}
for (const { backend } of backends) await backend.dispose();

const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
if (asJson) {
  console.log(JSON.stringify({ cpus: cpus().length, loadAtStart, node: process.version, reps, loadMs: Object.fromEntries(backends.map((b) => [b.name, b.loadMs])), rows, peakRssMb }));
} else {
  const names = backends.map((b) => b.name);
  const fmt = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
  const out = [];
  out.push(`Compute backends on ${cpus().length} cores, Node ${process.version}, best of ${reps} (first run, with session creation, in brackets). \`node bench/detect-compute.mjs\``);
  out.push('');
  out.push(`| kernel | n | d | ${names.map((n) => `${n} ms`).join(' | ')} | ${names.filter((n) => n !== 'js').map((n) => `${n} speed-up vs js`).join(' | ')} |`);
  out.push(`|---|---:|---:|${names.map(() => '---:').join('|')}|${names.filter((n) => n !== 'js').map(() => '---:').join('|')}|`);
  for (const r of rows) {
    const js = r.results.js?.ms;
    const cells = names.map((n) => `${fmt(r.results[n].ms)} (${fmt(r.results[n].firstMs)})`);
    const ratios = names.filter((n) => n !== 'js').map((n) => (js ? `${(js / r.results[n].ms).toFixed(1)}×` : 'n/a'));
    out.push(`| ${r.kernel} | ${r.n} | ${r.d} | ${cells.join(' | ')} | ${ratios.join(' | ')} |`);
  }
  out.push('');
  out.push(`Load average at the start: ${loadAtStart.toFixed(1)} (other work on the machine makes the numbers noisy).`);
  out.push(`Backend load (runtime init + self-check): ${backends.map((b) => `${b.name} ${fmt(b.loadMs)} ms`).join(', ')}. Peak RSS of the whole run: ${peakRssMb} MB.`);
  console.log(out.join('\n'));
}
