/**
 * Test helpers for the committed fixtures (`packages/core/test/fixtures/`, described by its
 * generated `manifest.json`) and for the real Cowrie logs in `../shared/realdata/` next to the
 * checkout (read-only, unlicensed: read them in tests, never copy them into the repository).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Repository root (the directory holding the root `package.json`). */
export const repoRoot: string = path.resolve(here, '../../../..');

/** `packages/core/test/fixtures`. */
export const fixturesDir: string = path.resolve(here, '../fixtures');

/**
 * The shared real-data directory: `<repo root>/../shared/realdata`, so it works from any clone
 * that sits next to `shared/`. `COWRIE_REALDATA` overrides it (as in the other real-data tests).
 */
export const realdataDir: string = process.env['COWRIE_REALDATA']
  ? path.resolve(process.env['COWRIE_REALDATA'])
  : path.resolve(repoRoot, '../shared/realdata');

/** Absolute path of a fixture, e.g. `fixturePath('edge/ipv6.json')`. */
export function fixturePath(rel: string): string {
  const p = path.resolve(fixturesDir, rel);
  if (p !== fixturesDir && !p.startsWith(fixturesDir + path.sep)) {
    throw new Error(`fixture path escapes the fixtures directory: ${rel}`);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// manifest.json (written by generate-fixtures.mjs)
// ---------------------------------------------------------------------------------------------

export type FixtureDeadLetterReason = 'invalid_json' | 'truncated' | 'not_object' | 'missing_eventid' | 'too_large';

/** Expected per-session figures, over the stored (non-duplicate) events of one file. */
export interface FixtureSession {
  sensor: string;
  session: string;
  protocol: 'ssh' | 'telnet';
  /** Normalised: IPv4-mapped IPv6 as IPv4, IPv6 compressed lower-case. */
  srcIp: string;
  /** Present when the file wrote the source address differently from `srcIp`. */
  srcIpAsWritten?: string;
  events: number;
  /** login.success + login.failed (legacy ids mapped). */
  loginAttempts: number;
  /** cowrie.command.input events. */
  commands: number;
  /** UTC, `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  firstTimestamp: string;
  lastTimestamp: string;
  /** Set when the file has no `protocol` field and it must be inferred (e.g. from `system`). */
  protocolInferredFrom?: string;
}

/** One record of a file, in order (only listed for files with something unusual). */
export interface FixtureRecord {
  /** 1-based line number of the record's first line. */
  line: number;
  /** Lines spanned, when more than 1 (pretty-printed objects). */
  lines?: number;
  /** One of several objects run together on one line. */
  splitFromLine?: boolean;
  outcome: 'event' | 'deadLetter';
  eventid?: string;
  reason?: FixtureDeadLetterReason;
  /** Line of the earlier identical record, when this one is a duplicate. */
  duplicateOf?: number;
  /** Decoding or sanitising must alter the text form (invalid UTF-8, NUL, lone surrogate). */
  altered?: boolean;
}

export interface FixtureEntry {
  /** Relative to the fixtures directory. */
  path: string;
  description: string;
  /** Cowrie generation the file imitates, e.g. `v1.0`, `v3.0.6`, `legacy-2015`. */
  era: string;
  compression: 'none' | 'gzip' | 'bzip2';
  /** For compressed copies: the fixture they were made from. */
  sourceFixture?: string;
  bytes: number;
  sha256: string;
  decompressedBytes?: number;
  decompressedSha256?: string;
  records: number;
  /** Records parsing to an object with a string eventid (duplicates included). */
  events: number;
  /** records - events (duplicates included). */
  deadLetters: number;
  deadLetterReasons: Partial<Record<FixtureDeadLetterReason, number>>;
  duplicates: number;
  /** What a single first load of this file should report; events + deadLetters + duplicates = records. */
  stored: { events: number; deadLetters: number; duplicates: number };
  /** Distinct (sensor, session) pairs among the events. */
  sessions: number;
  /** Per-eventid counts over stored events, ids as written. */
  eventids: Record<string, number>;
  unterminatedLastLine: boolean;
  /** File-specific expectations (line numbers, normalised values …); shape varies per file. */
  expect?: Record<string, unknown>;
  notes?: string[];
  sessionList: FixtureSession[];
  recordList?: FixtureRecord[];
}

export interface RotationTruth {
  files: string[];
  order: string;
  sessions: number;
  mergedSession: {
    sensor: string;
    session: string;
    srcIp: string;
    firstTimestamp: string;
    lastTimestamp: string;
    events: number;
    loginAttempts: number;
    commands: number;
    eventsPerFile: Record<string, number>;
  };
}

export interface FixtureManifest {
  definitions: Record<string, string>;
  totals: {
    files: number;
    records: number;
    events: number;
    deadLetters: number;
    deadLetterReasons: Partial<Record<FixtureDeadLetterReason, number>>;
    duplicates: number;
    sessions: number;
    note: string;
  };
  rotation: RotationTruth;
  files: FixtureEntry[];
}

let manifestCache: FixtureManifest | undefined;

/** The parsed `manifest.json` (cached). */
export function readManifest(): FixtureManifest {
  manifestCache ??= JSON.parse(readFileSync(fixturePath('manifest.json'), 'utf8')) as FixtureManifest;
  return manifestCache;
}

/** The manifest entry of one fixture; throws if it is not listed. */
export function manifestEntry(rel: string): FixtureEntry {
  const entry = readManifest().files.find((f) => f.path === rel);
  if (!entry) throw new Error(`fixture not in manifest.json: ${rel}`);
  return entry;
}

// ---------------------------------------------------------------------------------------------
// ../shared/realdata/MANIFEST.tsv
// ---------------------------------------------------------------------------------------------

/** One row of `MANIFEST.tsv`: one real Cowrie log file. */
export interface RealdataManifestRow {
  /** Path relative to `realdataDir`, e.g. `kareiva__cowrie-logs/cowrie.json.2018-05-06`. */
  dest_path: string;
  /** GitHub `owner/name` it was copied from. */
  repo: string;
  commit: string;
  /** Path inside that repository. */
  repo_path: string;
  bytes: number;
  stored_bytes: number;
  lines: number;
  json_events: number;
  unparseable_lines: number;
  /** As found in the file (`…Z`); empty when the file has no parseable event. */
  first_timestamp: string;
  last_timestamp: string;
  sha256: string;
  /** Absolute path of the file (`realdataDir` + `dest_path`). */
  absPath: string;
}

const REALDATA_NUMERIC = ['bytes', 'stored_bytes', 'lines', 'json_events', 'unparseable_lines'] as const;
const REALDATA_TEXT = ['dest_path', 'repo', 'commit', 'repo_path', 'first_timestamp', 'last_timestamp', 'sha256'] as const;

/** True when `../shared/realdata/MANIFEST.tsv` exists (use to skip real-data tests elsewhere). */
export function hasRealdata(): boolean {
  return existsSync(path.join(realdataDir, 'MANIFEST.tsv'));
}

/** Absolute path of a real-data file given its `dest_path`. */
export function realdataPath(destPath: string): string {
  return path.join(realdataDir, destPath);
}

/** Parse `MANIFEST.tsv` into typed rows (columns are matched by header name). */
export function readRealdataManifest(): RealdataManifestRow[] {
  const text = readFileSync(path.join(realdataDir, 'MANIFEST.tsv'), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split('\t');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`MANIFEST.tsv has no column ${name}`);
    return i;
  };
  const textIdx = REALDATA_TEXT.map((n) => [n, col(n)] as const);
  const numIdx = REALDATA_NUMERIC.map((n) => [n, col(n)] as const);
  return lines.map((line, i) => {
    const cells = line.split('\t');
    const row: Record<string, string | number> = {};
    for (const [name, idx] of textIdx) row[name] = cells[idx] ?? '';
    for (const [name, idx] of numIdx) {
      const v = Number(cells[idx]);
      if (!Number.isFinite(v)) throw new Error(`MANIFEST.tsv line ${i + 2}: ${name} is not a number: ${cells[idx]}`);
      row[name] = v;
    }
    row['absPath'] = realdataPath(String(row['dest_path']));
    return row as unknown as RealdataManifestRow;
  });
}
