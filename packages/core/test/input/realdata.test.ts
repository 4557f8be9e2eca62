import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeRecord, openSource, readRecords } from '../../src/input/index.js';

// The real Cowrie captures live beside the checkout (never copied into the repo): ../shared/realdata.
const here = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(here, '../../../../../shared/realdata');

interface Row {
  path: string;
  lines: number;
  events: number;
  unparseable: number;
}

function manifest(): Row[] {
  const [header, ...rows] = readFileSync(join(ROOT, 'MANIFEST.tsv'), 'utf8').trimEnd().split('\n');
  const cols = header!.split('\t');
  const col = (name: string): number => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`MANIFEST.tsv has no column ${name}`);
    return i;
  };
  const [p, l, e, u] = [col('dest_path'), col('lines'), col('json_events'), col('unparseable_lines')];
  return rows.map((r) => {
    const f = r.split('\t');
    return { path: f[p]!, lines: Number(f[l]), events: Number(f[e]), unparseable: Number(f[u]) };
  });
}

describe('real Cowrie logs', () => {
  const rows = manifest();

  it('lists every file of the set, the 30 gzip batches included', () => {
    expect(rows.length).toBe(97);
    expect(rows.filter((r) => r.path.endsWith('.json.gz'))).toHaveLength(30);
  });

  it.each(rows.map((r) => [r.path, r] as const))('%s: ok records = json_events, failed = unparseable_lines', async (_name, row) => {
    const opened = await openSource(join(ROOT, row.path));
    expect(opened.compression).toBe(row.path.endsWith('.gz') ? 'gzip' : 'none');
    let ok = 0;
    let failed = 0;
    let lastLine = 0;
    for await (const rec of readRecords(opened.stream)) {
      const d = decodeRecord(rec);
      if (d.ok) ok++;
      else failed++;
      lastLine = rec.line + rec.lineCount - 1;
    }
    expect({ ok, failed }).toEqual({ ok: row.events, failed: row.unparseable });
    expect(lastLine).toBeLessThanOrEqual(row.lines);
  });
});
