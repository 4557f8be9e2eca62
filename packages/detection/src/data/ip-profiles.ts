import { IpProfileBuilder, type IpProfileBuilderOptions } from './ip-profile-builder.js';
import type { SessionRecord } from './session-record.js';

/** What a profile keeps of each of its sessions: which one it is and when it ran. */
export interface SessionStub {
  sensor: string;
  session: string;
  firstTs: string | null;
  lastTs: string | null;
}

/** Everything the campaign detectors know about one source IP in the window. */
export interface IpProfile {
  /** Dense index (position in the profiles array). */
  index: number;
  ip: string;
  /**
   * Its sessions, when built from session records (`buildIpProfiles`). `loadIpProfiles` reads
   * sessions grouped by IP and leaves this empty (`sessionCount` holds the count): the stubs of
   * the IPs in findings are read afterwards with `loadFindingSessions`.
   */
  sessions: SessionStub[];
  /** How many sessions it had in the window. */
  sessionCount: number;
  loginAttempts: number;
  /** Distinct `username\u0000password` pairs tried (failed or not). */
  credentials: Set<string>;
  /** Distinct pairs that logged in. */
  successes: ReadonlySet<string>;
  /** Most frequent `hassh|clientVersion` of its sessions (`|` alone when neither is known). */
  tooling: string;
  /** Distinct command scripts (normalised commands joined by newlines) of sessions with commands. */
  scripts: ReadonlySet<string>;
  firstTs: string | null;
  lastTs: string | null;
  /**
   * Strong keys (`kind \u0001 value`: injected SSH keys, download hashes and URLs, long enough
   * command scripts, successful pairs), collected only when asked for (the botnet detector).
   */
  links?: Set<string>;
}

/**
 * The earliest first and latest last event of some profiles (each profile's own span already
 * takes a session's first event when it has no last one).
 *
 * @example
 * ```ts
 * spanOf(group.members); // { firstSeen: '2024-03-01T…', lastSeen: '2024-03-02T…' }
 * ```
 */
export function spanOf(profiles: readonly IpProfile[]): { firstSeen: string | null; lastSeen: string | null } {
  let firstSeen: string | null = null;
  let lastSeen: string | null = null;
  for (const p of profiles) {
    if (p.firstTs && (firstSeen === null || p.firstTs < firstSeen)) firstSeen = p.firstTs;
    if (p.lastTs && (lastSeen === null || p.lastTs > lastSeen)) lastSeen = p.lastTs;
  }
  return { firstSeen, lastSeen };
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
 * tooling fingerprint, command scripts, time span (and strong links with `opts.links`). Linear in
 * the number of sessions and rows; the same profiles `loadIpProfiles` reads from a store.
 *
 * @example
 * ```ts
 * const profiles = buildIpProfiles(sessions);
 * profiles[0].credentials.size; // distinct pairs that IP tried
 * ```
 */
export function buildIpProfiles(sessions: readonly SessionRecord[], opts: IpProfileBuilderOptions = {}): IpProfile[] {
  const b = new IpProfileBuilder(opts);
  for (const s of sessions) {
    const ip = b.addSession(s);
    if (ip < 0) continue;
    for (const c of s.credentials) b.addCredential(ip, c.username, c.password, c.success);
    b.addScript(ip, s.commands.map((c) => c.normalized));
    for (const d of s.downloads) b.addDownload(ip, d.url, d.shasum);
    for (const k of s.sshKeys) b.addSshKey(ip, k);
  }
  return b.build();
}
