/**
 * Every real capture in shared/realdata (read in place, never copied: the repositories carry
 * no licence) through parseEvent. Location: `COWRIE_REALDATA`, else `../shared/realdata`
 * beside the project checkout, as in shared/realdata/SOURCES.md.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CowrieEvent, parseEvent } from '../../src/events/index.js';

const ROOT = process.env['COWRIE_REALDATA'] ?? fileURLToPath(new URL('../../../../../shared/realdata', import.meta.url));
/** Documentation files at the top of the data directory, not captures. */
const NOT_DATA = new Set(['MANIFEST.tsv', 'SOURCES.md']);
const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

interface Parsed {
  file: string;
  input: Record<string, unknown>;
  ev: CowrieEvent;
}

function dataFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...dataFiles(p));
    else if (!NOT_DATA.has(relative(ROOT, p))) out.push(p);
  }
  return out.sort();
}

function manifestEventTotal(): number {
  const lines = readFileSync(join(ROOT, 'MANIFEST.tsv'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split('\t');
  const col = header.indexOf('json_events');
  expect(col).toBeGreaterThan(-1);
  return lines.slice(1).reduce((sum, l) => sum + Number(l.split('\t')[col]), 0);
}

describe('real Cowrie captures', () => {
  const parsed: Parsed[] = [];
  const unparseable: string[] = [];
  let files: string[] = [];

  beforeAll(() => {
    files = dataFiles(ROOT);
    for (const path of files) {
      const bytes = readFileSync(path);
      const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
      const file = relative(ROOT, path);
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        let input: unknown;
        try {
          input = JSON.parse(line);
        } catch {
          unparseable.push(file);
          continue;
        }
        const obj = input as Record<string, unknown>;
        parsed.push({ file, input: obj, ev: parseEvent(obj) });
      }
    }
  });

  it('reads every file listed in the manifest, plain and gzip', () => {
    const listed = readFileSync(join(ROOT, 'MANIFEST.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter((l) => l.trim() !== '')
      .map((l) => l.split('\t')[0]);
    expect(files.map((f) => relative(ROOT, f)).sort()).toEqual([...listed].sort());
    expect(files.some((f) => f.endsWith('.json.gz'))).toBe(true);
  });

  it('skips exactly the one truncated line, in scriptzteam v1.5 b6ce2e75a543', () => {
    expect(unparseable).toEqual(['scriptzteam__REALTiME-SSH-HoneyPot_v1.5/b6ce2e75a543/cowrie.json']);
  });

  it('parses as many events as MANIFEST.tsv json_events adds up to', () => {
    expect(parsed.length).toBe(manifestEventTotal());
    expect(parsed.length).toBeGreaterThan(200_000);
  });

  it('knows every real eventid (no kind "unknown")', () => {
    const unknown = parsed.filter((p) => p.ev.kind === 'unknown').map((p) => p.ev.eventid);
    expect([...new Set(unknown)]).toEqual([]);
  });

  it('gives every event a canonical timestamp, identical to canonical input', () => {
    let bad = 0;
    let changed = 0;
    for (const { input, ev } of parsed) {
      if (ev.timestamp === null || !CANONICAL.test(ev.timestamp)) bad++;
      else if (typeof input['timestamp'] === 'string' && CANONICAL.test(input['timestamp']) && ev.timestamp !== input['timestamp'])
        changed++;
    }
    expect(bad).toBe(0);
    expect(changed).toBe(0);
  });

  it('gives every session.connect a protocol (inferred for 2017 data)', () => {
    const connects = parsed.filter((p) => p.ev.kind === 'cowrie.session.connect');
    expect(connects.length).toBeGreaterThan(50_000);
    expect(connects.filter((p) => p.ev.protocol === null)).toEqual([]);
    const inferred = connects.filter((p) => p.input['protocol'] === undefined);
    expect(inferred.length).toBeGreaterThan(0);
    const telnet = inferred.filter((p) => p.ev.protocol === 'telnet').length;
    expect(telnet).toBeGreaterThan(0);
    expect(telnet).toBeLessThan(inferred.length);
  });

  it('gives every session.closed with a duration a non-null durationMs', () => {
    let withDuration = 0;
    const missing: unknown[] = [];
    for (const { input, ev } of parsed) {
      if (ev.kind !== 'cowrie.session.closed') continue;
      if (input['duration'] === undefined && input['duration_ms'] === undefined) continue;
      withDuration++;
      if (ev.durationMs === null) missing.push(input);
    }
    expect(missing).toEqual([]);
    expect(withDuration).toBeGreaterThan(50_000);
  });

  it('keeps the envelope consistent with the input', () => {
    // Counted rather than asserted per event: 236k expect() calls would dominate the run time.
    const mismatched: string[] = [];
    for (const { file, input, ev } of parsed) {
      if (
        ev.raw !== input ||
        ev.eventid !== input['eventid'] ||
        (typeof input['session'] === 'string' && ev.session !== input['session']) ||
        (typeof input['src_ip'] === 'string' && input['src_ip'] !== '' && ev.srcIp === null)
      ) {
        mismatched.push(`${file}: ${JSON.stringify(input).slice(0, 200)}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it('reads era-specific fields from the captures', () => {
    const byKind = (kind: CowrieEvent['kind']): CowrieEvent[] => parsed.filter((p) => p.ev.kind === kind).map((p) => p.ev);
    const versions = byKind('cowrie.client.version');
    expect(versions.some((e) => e.kind === 'cowrie.client.version' && e.kexAlgs !== null)).toBe(true);
    expect(
      versions.some((e) => e.kind === 'cowrie.client.version' && e.version?.startsWith("b'") === true && e.versionNormalized?.startsWith('SSH-') === true),
    ).toBe(true);
    const requests = byKind('cowrie.direct-tcpip.request');
    expect(requests.every((e) => e.kind === 'cowrie.direct-tcpip.request' && e.targetPort !== null && e.origPort !== null)).toBe(true);
    const downloads = byKind('cowrie.session.file_download');
    expect(downloads.some((e) => e.kind === 'cowrie.session.file_download' && e.duplicate !== null)).toBe(true);
    expect(byKind('cowrie.session.params').every((e) => e.message === null)).toBe(true);
  });
});
