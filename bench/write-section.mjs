#!/usr/bin/env node
// Replace one section of BENCHMARKS.md (between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`),
// appending it when missing, so each benchmark script owns its part of the file.
//   node bench/some-bench.mjs | node bench/write-section.mjs NAME
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'BENCHMARKS.md');

const TITLES = {
  ingest: 'Ingest', enrichment: 'Enrichment caches (`npm run bench:enrichment`)', jobs: 'Jobs (`npm run bench:jobs`)',
  api: 'Statistics API (`npm run bench:api`)', detect: 'Detection (`npm run bench:detect`)',
  'detect-longtail': 'Longtail (`npm run bench:detect`)', 'detect-compute': 'Compute backends (`npm run bench:detect`)',
};

/** Put `markdown` into section `name` of BENCHMARKS.md (with a `##` title when it has none). */
export function writeSection(name, markdown) {
  if (!markdown.trimStart().startsWith('## ')) markdown = `## ${TITLES[name] ?? name}\n\n${markdown.trim()}`;
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const block = `${open}\n${markdown.trim()}\n${close}`;
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\nEach section is written by the command it names, on the machine it names; figures in a section come from the same run.\n';
  const i = doc.indexOf(open);
  const j = doc.indexOf(close);
  doc = i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + close.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, doc);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const name = process.argv[2];
  if (!name) throw new Error('usage: node bench/write-section.mjs NAME < markdown');
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  const md = Buffer.concat(chunks).toString('utf8');
  if (!md.trim()) throw new Error('no markdown on stdin: the benchmark printed nothing');
  writeSection(name, md);
  process.stdout.write(md);
}
