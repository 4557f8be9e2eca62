import type { Rng } from './prng.js';

/** One simulated session, turned into Cowrie v2.9-era events by {@link writeSession}. */
export interface SessionSpec {
  sensor: string;
  session: string;
  ip: string;
  /** Epoch milliseconds of the connect. */
  start: number;
  clientVersion: string | null;
  hassh: string | null;
  attempts: Array<{ username: string; password: string; success: boolean }>;
  commands: string[];
  /** Downloads caused by the commands (emitted after the command that names the URL). */
  downloads: Array<{ url: string; shasum: string }>;
}

const iso = (ms: number, micros: number): string => `${new Date(ms).toISOString().slice(0, 19)}.${String((ms % 1000) * 1000 + micros).padStart(6, '0')}Z`;

/**
 * The events of one session as Cowrie writes them (compact JSON objects, Cowrie's key order,
 * `uuid` and `protocol` on every event, 6-digit `Z` timestamps, `duration` as a string), each
 * with its timestamp for sorting.
 *
 * @example
 * ```ts
 * const events = writeSession(rng, { sensor: 'hp-1', session: 'a1b2c3d4e5f6', ip: '203.0.113.5', start: Date.now(), clientVersion: 'SSH-2.0-Go', hassh: null, attempts: [], commands: [], downloads: [] });
 * ```
 */
export function writeSession(rng: Rng, s: SessionSpec, uuid: string): Array<{ ts: string; line: string }> {
  const out: Array<{ ts: string; line: string }> = [];
  let t = s.start;
  const base = { sensor: s.sensor, uuid };
  const tail = (ts: string) => ({ timestamp: ts, src_ip: s.ip, session: s.session, protocol: 'ssh' });
  const emit = (ev: Record<string, unknown>) => {
    const ts = iso(t, rng.int(0, 999));
    out.push({ ts, line: JSON.stringify({ ...ev, ...base, ...tail(ts) }) });
  };
  const port = rng.int(1024, 65535);
  const ts0 = iso(t, rng.int(0, 999));
  out.push({ ts: ts0, line: JSON.stringify({ eventid: 'cowrie.session.connect', src_ip: s.ip, src_port: port, dst_ip: '172.18.0.2', dst_port: 2222, session: s.session, protocol: 'ssh', message: `New connection: ${s.ip}:${port} (172.18.0.2:2222) [session: ${s.session}]`, ...base, timestamp: ts0 }) });
  t += rng.int(50, 400);
  if (s.clientVersion) {
    emit({ eventid: 'cowrie.client.version', version: s.clientVersion, message: `Remote SSH version: ${s.clientVersion}` });
    t += rng.int(5, 60);
  }
  if (s.hassh) {
    emit({ eventid: 'cowrie.client.kex', hassh: s.hassh, hasshAlgorithms: 'curve25519-sha256;aes128-ctr;hmac-sha2-256;none', message: `SSH client hassh fingerprint: ${s.hassh}` });
  }
  for (const a of s.attempts) {
    t += rng.int(300, 3000);
    emit({ eventid: a.success ? 'cowrie.login.success' : 'cowrie.login.failed', username: a.username, password: a.password, message: `login attempt [${a.username}/${a.password}] ${a.success ? 'succeeded' : 'failed'}` });
  }
  const pending = [...s.downloads];
  for (const c of s.commands) {
    t += rng.int(200, 2500);
    emit({ eventid: 'cowrie.command.input', input: c, message: `CMD: ${c}` });
    for (let i = 0; i < pending.length; i++) {
      const d = pending[i]!;
      if (!c.includes(d.url)) continue;
      t += rng.int(200, 1500);
      emit({ eventid: 'cowrie.session.file_download', url: d.url, outfile: `var/lib/cowrie/downloads/${d.shasum}`, shasum: d.shasum, destfile: '/tmp/x', duplicate: false, message: `Downloaded URL (${d.url}) with SHA-256 ${d.shasum} to var/lib/cowrie/downloads/${d.shasum}` });
      pending.splice(i--, 1);
    }
  }
  t += rng.int(100, 4000);
  const duration = ((t - s.start) / 1000).toFixed(1);
  emit({ eventid: 'cowrie.session.closed', duration, message: `Connection lost after ${duration} seconds` });
  return out;
}
