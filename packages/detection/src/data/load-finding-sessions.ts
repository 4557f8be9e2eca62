import type { CowrieStore } from '@cowrieprocessor/core';
import type { Finding } from '../types.js';
import { inWindow } from './load-ip-profiles.js';
import type { DetectionWindow } from './session-record.js';

/**
 * Fill `sessions` of findings built from `loadIpProfiles` profiles (which carry counts, not
 * session stubs): the window's sessions of each finding's IPs, read on the `(src_ip, first_ts)`
 * index for those IPs only, so a window of 100k sessions reads a few hundred rows when that is
 * all the findings hold. In the findings' IP order, then by first event. Returns the findings.
 *
 * @example
 * ```ts
 * const { campaigns } = detectSnowshoeInProfiles(await loadIpProfiles(store, window));
 * await loadFindingSessions(store, window, campaigns); // campaigns[0].sessions: [{ sensor, session }, …]
 * ```
 */
export async function loadFindingSessions(store: CowrieStore, window: DetectionWindow, findings: Finding[]): Promise<Finding[]> {
  const ips = [...new Set(findings.flatMap((f) => f.ips.map((i) => i.ip)))];
  const byIp = new Map<string, Array<{ sensor: string; session: string }>>();
  // Leave room for the window's own parameters under the dialect's bind limit.
  const chunk = Math.max(1, Math.min(5000, store.dialect.maxBindParameters - 8));
  for (let i = 0; i < ips.length; i += chunk) {
    const rows = await store.db.selectFrom('sessions as s').select(['s.src_ip', 's.sensor', 's.session'])
      .where('s.src_ip', 'in', ips.slice(i, i + chunk)).where(inWindow(window))
      .orderBy('s.src_ip').orderBy('s.first_ts').orderBy('s.sensor').orderBy('s.session').execute();
    for (const r of rows) {
      let l = byIp.get(r.src_ip!);
      if (!l) byIp.set(r.src_ip!, (l = []));
      l.push({ sensor: r.sensor, session: r.session });
    }
  }
  for (const f of findings) f.sessions = f.ips.flatMap((i) => byIp.get(i.ip) ?? []);
  return findings;
}
