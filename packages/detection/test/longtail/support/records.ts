import type { SessionRecord } from '../../../src/data/session-record.js';

let n = 0;

/**
 * A hand-made session record (defaults: an SSH session with nothing in it) for pure detector tests.
 *
 * @example
 * ```ts
 * const s = record({ commands: cmds('uname -a', 'cat /proc/cpuinfo') });
 * ```
 */
export function record(over: Partial<SessionRecord> = {}): SessionRecord {
  n++;
  return {
    sensor: 'hp', session: `s${String(n).padStart(6, '0')}`, srcIp: `203.0.113.${n % 250}`, firstTs: '2024-03-01T00:00:00.000000Z', lastTs: '2024-03-01T00:00:10.000000Z',
    durationMs: 10_000, protocol: 'ssh', dstPort: 22, clientVersion: 'SSH-2.0-Go', hassh: 'h1', loginAttempts: 1, loginSuccess: 0, commandCount: 0,
    downloadCount: 0, uploadCount: 0, tcpipCount: 0, sshKeyCount: 0, riskScore: 0, eventCount: 4, updatedAt: '2024-03-01T00:00:11.000000Z',
    credentials: [{ username: 'root', password: '123456', success: false }], commands: [], downloads: [], sshKeys: [],
    ...over,
  };
}

/** Commands as a record carries them (normalised form = input here). */
export const cmds = (...inputs: string[]) => inputs.map((input) => ({ input, normalized: input, ts: null }));
