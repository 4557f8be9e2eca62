/**
 * A small Cowrie NDJSON capture written by the tests themselves, and the figures the CLI must
 * report for it, computed from the very lines written (never read off the tool).
 */

export const SESSION = 'a1b2c3d4e5f6';
export const OTHER_SESSION = 'ffeeddccbbaa';
export const HASSH = 'ec7378c1a92f5a8dde7e8b7a1ddf33d1';
export const SHASUM = 'a'.repeat(40) + 'b'.repeat(24);

/** One Cowrie event as it appears on a line. */
export interface CowrieEvent {
  eventid: string;
  session: string;
  sensor: string;
  timestamp: string;
  [field: string]: unknown;
}

const ev = (sensor: string, session: string, timestamp: string, eventid: string, fields: Record<string, unknown> = {}): CowrieEvent =>
  ({ eventid, ...fields, session, sensor, timestamp });

/** hp1 and hp2 both use session id SESSION (so a bare id is ambiguous); hp1 has a second session. */
export const EVENTS: CowrieEvent[] = [
  ev('hp1', SESSION, '2024-03-01T10:00:00.123456Z', 'cowrie.session.connect', { src_ip: '203.0.113.5', src_port: 41234, dst_ip: '10.0.0.2', dst_port: 2222, protocol: 'ssh' }),
  ev('hp1', SESSION, '2024-03-01T10:00:00.500000Z', 'cowrie.client.version', { version: 'SSH-2.0-Go' }),
  ev('hp1', SESSION, '2024-03-01T10:00:00.600000Z', 'cowrie.client.kex', { hassh: HASSH, hasshAlgorithms: 'curve25519-sha256;aes128-ctr;hmac-sha2-256;none' }),
  ev('hp1', SESSION, '2024-03-01T10:00:01.000000Z', 'cowrie.login.failed', { username: 'root', password: '123456' }),
  ev('hp1', SESSION, '2024-03-01T10:00:02.000000Z', 'cowrie.login.failed', { username: 'admin', password: 'admin' }),
  ev('hp1', SESSION, '2024-03-01T10:00:03.000000Z', 'cowrie.login.success', { username: 'root', password: 'toor' }),
  ev('hp1', SESSION, '2024-03-01T10:00:04.000000Z', 'cowrie.command.input', { input: 'uname -a' }),
  ev('hp1', SESSION, '2024-03-01T10:00:05.000000Z', 'cowrie.command.input', { input: 'cat /proc/cpuinfo' }),
  ev('hp1', SESSION, '2024-03-01T10:00:06.000000Z', 'cowrie.command.input', { input: 'uname -a' }),
  ev('hp1', SESSION, '2024-03-01T10:00:07.000000Z', 'cowrie.session.file_download', { url: 'http://198.51.100.9/bins/x.sh', shasum: SHASUM, outfile: `var/lib/cowrie/downloads/${SHASUM}` }),
  ev('hp1', SESSION, '2024-03-01T10:00:09.250000Z', 'cowrie.session.closed', { duration: 9.126544 }),
  ev('hp1', OTHER_SESSION, '2024-03-01T11:00:00.000000Z', 'cowrie.session.connect', { src_ip: '203.0.113.5', src_port: 41300, dst_ip: '10.0.0.2', dst_port: 2222, protocol: 'ssh' }),
  ev('hp1', OTHER_SESSION, '2024-03-01T11:00:00.100000Z', 'cowrie.client.kex', { hassh: HASSH }),
  ev('hp1', OTHER_SESSION, '2024-03-01T11:00:01.000000Z', 'cowrie.login.failed', { username: 'root', password: '123456' }),
  ev('hp1', OTHER_SESSION, '2024-03-01T11:00:02.000000Z', 'cowrie.session.closed', { duration: 2.0 }),
  ev('hp2', SESSION, '2024-03-01T12:00:00.000000Z', 'cowrie.session.connect', { src_ip: '198.51.100.7', src_port: 5555, dst_ip: '10.0.0.3', dst_port: 2222, protocol: 'ssh' }),
  ev('hp2', SESSION, '2024-03-01T12:00:01.000000Z', 'cowrie.login.success', { username: 'pi', password: 'raspberry' }),
  ev('hp2', SESSION, '2024-03-01T12:00:02.000000Z', 'cowrie.command.input', { input: 'uname -a' }),
  ev('hp2', SESSION, '2024-03-01T12:00:03.000000Z', 'cowrie.session.closed', { duration: 3.0 }),
];

/** A line that is not JSON: must become one dead letter. */
export const GARBAGE = 'this is not JSON {';
/** 0-based index of the garbage line among the lines. */
export const GARBAGE_INDEX = 5;

/** The lines of the capture, garbage included. */
export function captureLines(): string[] {
  const lines = EVENTS.map((e) => JSON.stringify(e));
  lines.splice(GARBAGE_INDEX, 0, GARBAGE);
  return lines;
}

/** The file content: newline-separated, the last line left unterminated (no final `\n`). */
export function captureText(): string {
  return captureLines().join('\n');
}

/** 1-based line number of the garbage line, and its byte offset in the file. */
export function garbagePosition(): { line: number; byteOffset: number } {
  const lines = captureLines();
  let byteOffset = 0;
  for (let i = 0; i < GARBAGE_INDEX; i++) byteOffset += Buffer.byteLength(lines[i]!, 'utf8') + 1;
  return { line: GARBAGE_INDEX + 1, byteOffset };
}

const key = (e: CowrieEvent) => `${e.sensor}/${e.session}`;

/** Events of one session (by `sensor/session`). */
export function eventsOf(ref: string): CowrieEvent[] {
  return EVENTS.filter((e) => key(e) === ref);
}

export interface TopEntry {
  value: string;
  count: number;
}

/** Order of the expected top lists: count descending, then value. */
export function sortTop(rows: TopEntry[]): TopEntry[] {
  return [...rows].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

function tally(values: string[]): TopEntry[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return sortTop([...m].map(([value, count]) => ({ value, count })));
}

export interface ExpectedSummary {
  sessions: number;
  events: number;
  uniqueIps: number;
  sensors: number;
  loginAttempts: number;
  loginSuccesses: number;
  topIps: TopEntry[];
  topUsernames: TopEntry[];
  topPasswords: TopEntry[];
  topCommands: TopEntry[];
  topDownloads: TopEntry[];
  topHassh: TopEntry[];
}

/**
 * What `report summary` must say for `[since, until)` (and a sensor): sessions whose first
 * event falls in the window; events in the window; counts per the conventions (sessions for IPs
 * and HASSH, attempts for usernames/passwords, events for commands and downloads).
 */
export function expectedSummary(w: { since?: string; until?: string; sensor?: string } = {}): ExpectedSummary {
  return expectedSummaryOf(EVENTS, w);
}

/** {@link expectedSummary} for any events (with their effective sensors). */
export function expectedSummaryOf(events: CowrieEvent[], w: { since?: string; until?: string; sensor?: string } = {}): ExpectedSummary {
  const inWin = (ts: string) => (!w.since || ts >= w.since) && (!w.until || ts < w.until);
  const bySensor = events.filter((e) => w.sensor === undefined || e.sensor === w.sensor);
  const firstTs = new Map<string, string>();
  for (const e of bySensor) {
    const k = key(e);
    const cur = firstTs.get(k);
    if (cur === undefined || e.timestamp < cur) firstTs.set(k, e.timestamp);
  }
  const sessions = [...firstTs].filter(([, ts]) => inWin(ts)).map(([k]) => k);
  const sessionSet = new Set(sessions);
  const ipOf = new Map<string, string>();
  const hasshOf = new Map<string, string>();
  for (const e of bySensor) {
    if (e.eventid === 'cowrie.session.connect') ipOf.set(key(e), String(e.src_ip));
    if (e.eventid === 'cowrie.client.kex') hasshOf.set(key(e), String(e.hassh));
  }
  const evs = bySensor.filter((e) => inWin(e.timestamp));
  const logins = evs.filter((e) => e.eventid === 'cowrie.login.failed' || e.eventid === 'cowrie.login.success');
  const ips = sessions.map((k) => ipOf.get(k)).filter((v): v is string => v !== undefined);
  return {
    sessions: sessions.length,
    events: evs.length,
    uniqueIps: new Set(ips).size,
    sensors: new Set(sessions.map((k) => k.split('/')[0])).size,
    loginAttempts: logins.length,
    loginSuccesses: logins.filter((e) => e.eventid === 'cowrie.login.success').length,
    topIps: tally(ips),
    topUsernames: tally(logins.map((e) => String(e.username))),
    topPasswords: tally(logins.map((e) => String(e.password))),
    topCommands: tally(evs.filter((e) => e.eventid === 'cowrie.command.input').map((e) => String(e.input))),
    topDownloads: tally(evs.filter((e) => e.eventid === 'cowrie.session.file_download').map((e) => String(e.url))),
    topHassh: tally([...sessionSet].map((k) => hasshOf.get(k)).filter((v): v is string => v !== undefined)),
  };
}

/** What a first load of the capture must report. */
export function expectedFirstLoad(): { records: number; events: number; deadLetters: number; duplicates: number; sessions: number } {
  return {
    records: captureLines().length,
    events: EVENTS.length,
    deadLetters: 1,
    duplicates: 0,
    sessions: new Set(EVENTS.map(key)).size,
  };
}

// ---------------------------------------------------------------------------------------------
// A capture for --sensor / --sensor-override: events without a sensor, with an empty one, with
// their own.
// ---------------------------------------------------------------------------------------------

/** A line's object: `sensor` may be missing or empty. */
export interface RawCowrieEvent {
  eventid: string;
  session: string;
  sensor?: string;
  timestamp: string;
  [field: string]: unknown;
}

/** The sensor some events of {@link SENSOR_EVENTS} carry themselves. */
export const OWN_SENSOR = 'own-sensor';

const raw = (sensor: string | undefined, session: string, timestamp: string, eventid: string, fields: Record<string, unknown> = {}): RawCowrieEvent =>
  ({ eventid, ...fields, session, timestamp, ...(sensor === undefined ? {} : { sensor }) });

/**
 * Three sessions: one whose events have no `sensor` key, one with `"sensor": ""`, one with its
 * own sensor name. Another session id on OWN_SENSOR mixes nothing: per-event rules only.
 */
export const SENSOR_EVENTS: RawCowrieEvent[] = [
  raw(undefined, 'b0b0b0b0b0b1', '2024-04-01T08:00:00.000001Z', 'cowrie.session.connect', { src_ip: '192.0.2.10', src_port: 50001, dst_ip: '10.0.0.5', dst_port: 22, protocol: 'ssh' }),
  raw(undefined, 'b0b0b0b0b0b1', '2024-04-01T08:00:01.000001Z', 'cowrie.client.kex', { hassh: 'f'.repeat(32) }),
  raw(undefined, 'b0b0b0b0b0b1', '2024-04-01T08:00:02.000001Z', 'cowrie.login.failed', { username: 'root', password: 'root' }),
  raw(undefined, 'b0b0b0b0b0b1', '2024-04-01T08:00:03.000001Z', 'cowrie.login.success', { username: 'root', password: 'admin' }),
  raw(undefined, 'b0b0b0b0b0b1', '2024-04-01T08:00:04.000001Z', 'cowrie.command.input', { input: 'w' }),
  raw(undefined, 'b0b0b0b0b0b1', '2024-04-01T08:00:05.000001Z', 'cowrie.session.closed', { duration: 5 }),
  raw('', 'b0b0b0b0b0b2', '2024-04-01T09:00:00.000002Z', 'cowrie.session.connect', { src_ip: '192.0.2.11', src_port: 50002, dst_ip: '10.0.0.5', dst_port: 22, protocol: 'ssh' }),
  raw('', 'b0b0b0b0b0b2', '2024-04-01T09:00:01.000002Z', 'cowrie.login.failed', { username: 'admin', password: '1234' }),
  raw('', 'b0b0b0b0b0b2', '2024-04-01T09:00:02.000002Z', 'cowrie.session.closed', { duration: 2 }),
  raw(OWN_SENSOR, 'b0b0b0b0b0b3', '2024-04-01T10:00:00.000003Z', 'cowrie.session.connect', { src_ip: '192.0.2.10', src_port: 50003, dst_ip: '10.0.0.6', dst_port: 2222, protocol: 'ssh' }),
  raw(OWN_SENSOR, 'b0b0b0b0b0b3', '2024-04-01T10:00:01.000003Z', 'cowrie.login.failed', { username: 'root', password: 'root' }),
  raw(OWN_SENSOR, 'b0b0b0b0b0b3', '2024-04-01T10:00:02.000003Z', 'cowrie.command.input', { input: 'uname -a' }),
  raw(OWN_SENSOR, 'b0b0b0b0b0b3', '2024-04-01T10:00:03.000003Z', 'cowrie.session.closed', { duration: 3 }),
];

/** The sensor capture as a file (newline-terminated). */
export function sensorCaptureText(): string {
  return SENSOR_EVENTS.map((e) => JSON.stringify(e)).join('\n') + '\n';
}

/**
 * The events with the sensor the conventions give them: `--sensor-override` replaces every
 * sensor; otherwise the event's non-empty sensor; otherwise `--sensor`; otherwise `''`.
 */
export function withEffectiveSensor(events: RawCowrieEvent[], opts: { sensor?: string; sensorOverride?: string } = {}): CowrieEvent[] {
  return events.map((e) => ({ ...e, sensor: opts.sensorOverride ?? (e.sensor ? e.sensor : opts.sensor ?? '') }));
}

/** Sessions per sensor (`[{ value, count }]` as `topSensors` must list them). */
export function sessionsPerSensor(events: CowrieEvent[]): TopEntry[] {
  return tally([...new Set(events.map(key))].map((k) => k.slice(0, k.indexOf('/'))));
}
