import { credKey, type IpProfile, type SessionStub } from './ip-profiles.js';

/** The `sessions` columns the campaign detectors read (one session, no child rows). */
export interface SessionHead extends SessionStub {
  srcIp: string | null;
  hassh: string | null;
  /** Normalised client version. */
  clientVersion: string | null;
  loginAttempts: number;
}

/** What {@link IpProfileBuilder} collects besides credentials, tooling and scripts. */
export interface IpProfileBuilderOptions {
  /**
   * Collect each IP's strong keys (`IpProfile.links`: SSH keys, download hashes and URLs,
   * scripts of at least `minScriptCommands` commands, successful pairs), for the botnet detector.
   */
  links?: { minScriptCommands: number };
}

interface IpState {
  profile: IpProfile;
  /** The only tooling seen so far and its session count, until a second one shows up. */
  tool: string | null;
  toolCount: number;
  tools: Map<string, number> | null;
  /** Sum of the sessions' own `login_attempts`, and credential rows seen. */
  attempts: number;
  credRows: number;
}

/** Shared by every profile that has no successes (or scripts) until it gets one: most have none. */
const NONE: ReadonlySet<string> = new Set();

const addTo = (set: ReadonlySet<string>, key: string): Set<string> => {
  if (set === NONE) return new Set([key]);
  (set as Set<string>).add(key);
  return set as Set<string>;
};

/** The key of one strong link (`kind \u0001 value`), as `IpProfile.links` holds it. */
export const linkKey = (kind: string, value: string): string => `${kind}\u0001${value}`;

/**
 * Builds {@link IpProfile}s by source IP: an IP's sessions come one at a time (`addSession`, with
 * their stubs) or as groups that share a tooling fingerprint (`addSessionGroup`, counts only, as
 * `loadIpProfiles` reads them grouped in SQL); then its credential rows, command scripts,
 * downloads and SSH keys by IP index. Nothing per child row is kept, so a window of 100k sessions
 * and 250k credential rows builds in one pass. Both {@link buildIpProfiles} (from
 * `SessionRecord`s) and `loadIpProfiles` build through it, so the two give the same profiles
 * (apart from the session stubs, which the grouped path leaves to `loadFindingSessions`).
 *
 * @example
 * ```ts
 * const b = new IpProfileBuilder();
 * const ip = b.addSession({ sensor: 's', session: 'a', srcIp: '203.0.113.5', firstTs: null, lastTs: null, hassh: null, clientVersion: null, loginAttempts: 1 });
 * b.addCredential(ip, 'root', 'x', false);
 * const [p] = b.build(); // p.credentials has root/x, p.sessionCount is 1
 * ```
 */
export class IpProfileBuilder {
  private readonly byIp = new Map<string, IpState>();
  private readonly states: IpState[] = [];
  private readonly links: { minScriptCommands: number } | undefined;
  private readonly credKeys = new Map<string, Map<string, string>>();
  private readonly toolings = new Map<string, Map<string, string>>();

  constructor(opts: IpProfileBuilderOptions = {}) {
    this.links = opts.links;
  }

  /** The index of `srcIp`'s profile, created on first sight (-1 for no IP: such sessions are left out). */
  ipIndex(srcIp: string | null): number {
    if (!srcIp) return -1;
    const st = this.byIp.get(srcIp);
    if (st) return st.profile.index;
    const profile: IpProfile = {
      index: this.states.length, ip: srcIp, sessions: [], sessionCount: 0, loginAttempts: 0, credentials: new Set(), successes: NONE,
      tooling: '|', scripts: NONE, firstTs: null, lastTs: null,
    };
    if (this.links) profile.links = new Set();
    this.byIp.set(srcIp, { profile, tool: null, toolCount: 0, tools: null, attempts: 0, credRows: 0 });
    this.states.push(this.byIp.get(srcIp)!);
    return profile.index;
  }

  /** Add one session with its stub; returns its IP's index for the child rows (-1 when it has no source IP). */
  addSession(h: SessionHead): number {
    const ip = this.ipIndex(h.srcIp);
    if (ip < 0) return -1;
    this.states[ip]!.profile.sessions.push({ sensor: h.sensor, session: h.session, firstTs: h.firstTs, lastTs: h.lastTs });
    this.addSessionGroup(ip, 1, h.hassh, h.clientVersion, h.firstTs, h.lastTs, h.loginAttempts);
    return ip;
  }

  /**
   * `n` sessions of IP `ip` with one tooling fingerprint: their earliest first and latest last
   * event (`lastTs` falls back to `firstTs` per session), and their summed `login_attempts`.
   */
  addSessionGroup(ip: number, n: number, hassh: string | null, clientVersion: string | null, firstTs: string | null, lastTs: string | null, loginAttempts: number): void {
    const st = this.states[ip]!;
    const p = st.profile;
    p.sessionCount += n;
    st.attempts += loginAttempts;
    if (hassh || clientVersion) {
      const t = this.toolingOf(hassh ?? '', clientVersion ?? '');
      if (st.tools) st.tools.set(t, (st.tools.get(t) ?? 0) + n);
      else if (st.tool === null || st.tool === t) {
        st.tool = t;
        st.toolCount += n;
      } else st.tools = new Map([[st.tool, st.toolCount], [t, n]]);
    }
    if (firstTs && (!p.firstTs || firstTs < p.firstTs)) p.firstTs = firstTs;
    const last = lastTs ?? firstTs;
    if (last && (!p.lastTs || last > p.lastTs)) p.lastTs = last;
  }

  /** A credential row (or `rows` identical ones) of IP `ip`'s sessions. */
  addCredential(ip: number, username: string | null, password: string | null, success: boolean, rows = 1): void {
    if (ip < 0) return;
    const st = this.states[ip]!;
    const k = this.credKeyOf(username ?? '', password ?? '');
    st.profile.credentials.add(k);
    st.credRows += rows;
    if (success) {
      st.profile.successes = addTo(st.profile.successes, k);
      st.profile.links?.add(linkKey('credential', k));
    }
  }

  /** One session's commands (normalised forms, in event order) of IP `ip`: its script. */
  addScript(ip: number, commands: readonly string[]): void {
    if (ip < 0 || commands.length === 0) return;
    const p = this.states[ip]!.profile;
    const script = commands.join('\n');
    p.scripts = addTo(p.scripts, script);
    if (this.links && commands.length >= this.links.minScriptCommands) p.links!.add(linkKey('script', script));
  }

  /** A download (direction `download`) of IP `ip`'s sessions. */
  addDownload(ip: number, url: string | null, shasum: string | null): void {
    const p = ip < 0 ? undefined : this.states[ip]!.profile;
    if (!p?.links) return;
    if (shasum) p.links.add(linkKey('downloadHash', shasum));
    if (url) p.links.add(linkKey('downloadUrl', url));
  }

  /** An SSH key (SHA-256 fingerprint) one of IP `ip`'s sessions injected. */
  addSshKey(ip: number, fingerprint: string): void {
    if (ip < 0) return;
    this.states[ip]!.profile.links?.add(linkKey('sshKey', fingerprint));
  }

  /** `credKey(username, password)`, one string per distinct pair (hashed once, not rebuilt per row). */
  private credKeyOf(username: string, password: string): string {
    let byPass = this.credKeys.get(username);
    if (!byPass) this.credKeys.set(username, (byPass = new Map()));
    let k = byPass.get(password);
    if (k === undefined) byPass.set(password, (k = credKey(username, password)));
    return k;
  }

  /** `hassh|clientVersion`, one string per distinct fingerprint. */
  private toolingOf(hassh: string, clientVersion: string): string {
    let byVersion = this.toolings.get(hassh);
    if (!byVersion) this.toolings.set(hassh, (byVersion = new Map()));
    let t = byVersion.get(clientVersion);
    if (t === undefined) byVersion.set(clientVersion, (t = `${hassh}|${clientVersion}`));
    return t;
  }

  /**
   * Finish: login attempts and the most frequent tooling of every IP. An IP's login attempts are
   * the larger of its sessions' own counts and its credential rows, per IP rather than per
   * session, so they can be read grouped (the two agree for sessions the loader wrote, where
   * every attempt has its row).
   */
  build(): IpProfile[] {
    for (const st of this.states) {
      st.profile.loginAttempts = Math.max(st.attempts, st.credRows);
      if (st.tools) {
        let best = '|';
        let n = 0;
        for (const [t, c] of st.tools) if (c > n || (c === n && t < best)) [best, n] = [t, c];
        st.profile.tooling = best;
      } else if (st.tool !== null) st.profile.tooling = st.tool;
    }
    return this.states.map((s) => s.profile);
  }
}
