import type { SessionRecord } from './session-record.js';

/** Everything the campaign detectors know about one source IP in the window. */
export interface IpProfile {
  /** Dense index (position in the profiles array). */
  index: number;
  ip: string;
  sessions: SessionRecord[];
  loginAttempts: number;
  /** Distinct `username\u0000password` pairs tried (failed or not). */
  credentials: Set<string>;
  /** Distinct pairs that logged in. */
  successes: Set<string>;
  /** Most frequent `hassh|clientVersion` of its sessions (`|` alone when neither is known). */
  tooling: string;
  /** Distinct command scripts (normalised commands joined by newlines) of sessions with commands. */
  scripts: Set<string>;
  firstTs: string | null;
  lastTs: string | null;
}

/** The key of one credential pair. */
export const credKey = (username: string | null, password: string | null): string => `${username ?? ''}\u0000${password ?? ''}`;

/** `user / pass` for evidence. */
export const credLabel = (key: string): { username: string; password: string } => {
  const i = key.indexOf('\u0000');
  return { username: key.slice(0, i), password: key.slice(i + 1) };
};

/** A session's script: its normalised commands in order, one per line. */
export const scriptOf = (s: SessionRecord): string => s.commands.map((c) => c.normalized).join('\n');

/**
 * Group sessions by source IP (sessions without one are left out) into profiles: credentials,
 * tooling fingerprint, command scripts, time span. Linear in the number of sessions and rows.
 *
 * @example
 * ```ts
 * const profiles = buildIpProfiles(sessions);
 * profiles[0].credentials.size; // distinct pairs that IP tried
 * ```
 */
export function buildIpProfiles(sessions: SessionRecord[]): IpProfile[] {
  const byIp = new Map<string, IpProfile>();
  const tools = new Map<string, Map<string, number>>();
  for (const s of sessions) {
    if (!s.srcIp) continue;
    let p = byIp.get(s.srcIp);
    if (!p) {
      p = { index: byIp.size, ip: s.srcIp, sessions: [], loginAttempts: 0, credentials: new Set(), successes: new Set(), tooling: '|', scripts: new Set(), firstTs: null, lastTs: null };
      byIp.set(s.srcIp, p);
      tools.set(s.srcIp, new Map());
    }
    p.sessions.push(s);
    p.loginAttempts += Math.max(s.loginAttempts, s.credentials.length);
    for (const c of s.credentials) {
      const k = credKey(c.username, c.password);
      p.credentials.add(k);
      if (c.success) p.successes.add(k);
    }
    if (s.commands.length > 0) p.scripts.add(scriptOf(s));
    if (s.hassh || s.clientVersion) {
      const t = `${s.hassh ?? ''}|${s.clientVersion ?? ''}`;
      const m = tools.get(s.srcIp)!;
      m.set(t, (m.get(t) ?? 0) + 1);
    }
    if (s.firstTs && (!p.firstTs || s.firstTs < p.firstTs)) p.firstTs = s.firstTs;
    const last = s.lastTs ?? s.firstTs;
    if (last && (!p.lastTs || last > p.lastTs)) p.lastTs = last;
  }
  for (const p of byIp.values()) {
    let best = '|';
    let n = 0;
    for (const [t, c] of tools.get(p.ip)!) if (c > n || (c === n && t < best)) [best, n] = [t, c];
    p.tooling = best;
  }
  return [...byIp.values()];
}
