import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkLoad } from '@cowrieprocessor/core';
import { loadSessions } from '../../../src/data/load-sessions.js';
import type { SessionRecord } from '../../../src/data/session-record.js';
import { createTestDatabase } from '../../campaigns/support/dialects.js';

/** Load simulated log lines into a real SQLite store and read all their sessions back. */
export async function loadSimulated(lines: string[]): Promise<{ sessions: SessionRecord[]; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'cowrie-parity-'));
  writeFileSync(join(dir, 'cowrie.json'), lines.join('\n') + '\n');
  const tdb = createTestDatabase('sqlite');
  const store = await tdb.open();
  await bulkLoad(store, [join(dir, 'cowrie.json')]);
  const sessions = await loadSessions(store, { since: '2000-01-01T00:00:00.000000Z', until: '2100-01-01T00:00:00.000000Z' });
  await store.close();
  return { sessions, cleanup: async () => { await tdb.drop(); rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * Sessions of 12 IPs that share only a seldom-tried successful password: four log in and leave,
 * four run `uname -a; whoami`, four fetch a file with curl (two commands: not a strong script).
 */
export function credentialOnlySessions(): SessionRecord[] {
  const scripts = [[], ['uname -a', 'whoami'], ['cd /tmp', 'curl -O http://[URL]']];
  return Array.from({ length: 12 }, (_, i) => {
    const commands = scripts[i % 3]!.map((c) => ({ input: c, normalized: c, ts: null }));
    const ts = `2025-12-0${1 + (i % 5)}T10:00:00.000000Z`;
    return {
      sensor: 'parity', session: `cred-only-${i}`, srcIp: `192.0.2.${10 + i}`, firstTs: ts, lastTs: ts, durationMs: 1000, protocol: 'ssh', dstPort: 22,
      clientVersion: 'SSH-2.0-Go', hassh: 'parity-hassh', loginAttempts: 1, loginSuccess: 1, commandCount: commands.length, downloadCount: 0, uploadCount: 0,
      tcpipCount: 0, sshKeyCount: 0, riskScore: 0, eventCount: 3 + commands.length, updatedAt: ts,
      credentials: [{ username: 'root', password: 'pArity-7731', success: true }], commands, downloads: [], sshKeys: [],
    };
  });
}
