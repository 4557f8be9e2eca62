/**
 * Oversize-record fixture, written at test time so that no multi-megabyte file is committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface OversizeFixtureOptions {
  /** The record size cap under test, in bytes (the loader default is 4 MiB). */
  capBytes: number;
  /** File name inside `dir` (default `oversize.json`). */
  fileName?: string;
  /** How many bytes the big record exceeds the cap by (default 1024). */
  overBy?: number;
}

export interface OversizeFixture {
  path: string;
  capBytes: number;
  /** Size of the big record (its line without the newline). */
  oversizeBytes: number;
  /** 1-based line of the big record. */
  oversizeLine: 2;
  records: 3;
  /** Stored events (lines 1 and 3). */
  events: 2;
  deadLetters: 1;
  deadLetterReasons: { too_large: 1 };
  duplicates: 0;
  sessions: 1;
  sensor: string;
  session: string;
  /** Eventids of lines 1 and 3. */
  eventids: ['cowrie.session.connect', 'cowrie.session.closed'];
}

const SENSOR = 'hp-big-1';
const SESSION = 'b16b16b16b16';
const UUID = '77777777-8888-11f0-a999-aaaaaaaaaaaa';

function envelope(eventid: string, fields: Record<string, unknown>, message: string, timestamp: string): string {
  return JSON.stringify({
    eventid,
    ...fields,
    message,
    sensor: SENSOR,
    uuid: UUID,
    timestamp,
    src_ip: '192.0.2.200',
    session: SESSION,
    protocol: 'ssh',
  });
}

/**
 * Write a three-line Cowrie log: a normal `session.connect`, a `command.input` whose `input` is
 * long enough that the record exceeds `capBytes`, and a normal `session.closed`. Expected result
 * of a load with that cap: 3 records, 2 events, 1 `too_large` dead letter (line 2, bytes kept).
 */
export function writeOversizeFixture(dir: string, opts: OversizeFixtureOptions): OversizeFixture {
  const { capBytes, fileName = 'oversize.json', overBy = 1024 } = opts;
  if (!Number.isInteger(capBytes) || capBytes <= 0) throw new RangeError(`capBytes must be a positive integer (got ${capBytes})`);
  if (!Number.isInteger(overBy) || overBy <= 0) throw new RangeError(`overBy must be a positive integer (got ${overBy})`);
  const first = JSON.stringify({
    eventid: 'cowrie.session.connect',
    src_ip: '192.0.2.200',
    src_port: 40200,
    dst_ip: '172.18.0.2',
    dst_port: 2222,
    session: SESSION,
    protocol: 'ssh',
    message: `New connection: 192.0.2.200:40200 (172.18.0.2:2222) [session: ${SESSION}]`,
    sensor: SENSOR,
    uuid: UUID,
    timestamp: '2025-12-11T10:00:00.000001Z',
  });
  const last = envelope('cowrie.session.closed', { duration: '9.9' }, 'Connection lost after 9.9 seconds', '2025-12-11T10:00:09.900001Z');
  const normalMax = Math.max(Buffer.byteLength(first), Buffer.byteLength(last));
  if (capBytes <= normalMax) {
    throw new RangeError(`capBytes ${capBytes} is too small: the normal records are up to ${normalMax} bytes`);
  }
  // Size the payload so the whole record is exactly capBytes + overBy bytes.
  const shell = envelope('cowrie.command.input', { input: '' }, 'CMD: ', '2025-12-11T10:00:05.000001Z');
  const payloadLen = Math.ceil((capBytes + overBy - Buffer.byteLength(shell)) / 2); // input and message both carry it
  const chunk = 'echo AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA; ';
  const input = chunk.repeat(Math.ceil(payloadLen / chunk.length)).slice(0, Math.max(payloadLen, 1));
  const big = envelope('cowrie.command.input', { input }, `CMD: ${input}`, '2025-12-11T10:00:05.000001Z');
  const oversizeBytes = Buffer.byteLength(big);
  if (oversizeBytes <= capBytes) throw new Error('internal: oversize record is not over the cap');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, fileName);
  writeFileSync(file, `${first}\n${big}\n${last}\n`);
  return {
    path: file,
    capBytes,
    oversizeBytes,
    oversizeLine: 2,
    records: 3,
    events: 2,
    deadLetters: 1,
    deadLetterReasons: { too_large: 1 },
    duplicates: 0,
    sessions: 1,
    sensor: SENSOR,
    session: SESSION,
    eventids: ['cowrie.session.connect', 'cowrie.session.closed'],
  };
}
