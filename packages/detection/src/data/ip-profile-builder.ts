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
  /** The only tooling seen so far and its count, until a second one shows up. */
  tool: string | null;
  toolCount: number;
  tools: Map<string, number> | null;
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
 * Builds {@link IpProfile}s one row at a time: sessions first (each returns a slot), then their
 * credentials, commands (in event order), downloads and SSH keys by slot. Nothing per session is
 * kept but its slot's IP, credential count and (while its commands arrive) command list, so a
 * window of 100k sessions and 250k credential rows builds without a record per child row. Both
 * {@link buildIpProfiles} (from `SessionRecord`s) and `loadIpProfiles` (straight from the store)
 * build through it, so the two give the same profiles.
 *
 * @example
 * ```ts
 * const b = new IpProfileBuilder();
 * const slot = b.addSession({ sensor: 's', session: 'a', srcIp: '203.0.113.5', firstTs: null, lastTs: null, hassh: null, clientVersion: null, loginAttempts: 1 });
 * b.addCredential(slot, 'root', 'x', false);
 * const [p] = b.build(); // p.credentials has root/x
 * ```
 */
export class IpProfileBuilder {
  private readonly byIp = new Map<string, IpState>();
  private readonly states: IpState[] = [];
  /** Per session slot: index of its IP's state, attempts it reported, credential rows seen. */
  private readonly slotIp: number[] = [];
  private readonly slotAttempts: number[] = [];
  private readonly slotCreds: number[] = [];
  /** Commands of sessions that have some, by slot, in arrival order. */
  private readonly slotCommands = new Map<number, string[]>();
  private readonly links: { minScriptCommands: number } | undefined;
  private readonly credKeys = new Map<string, Map<string, string>>();
  private readonly toolings = new Map<string, Map<string, string>>();

  constructor(opts: IpProfileBuilderOptions = {}) {
    this.links = opts.links;
  }

  /** Add one session; returns its slot for the child rows (-1 when it has no source IP: left out). */
  addSession(h: SessionHead): number {
    return this.addSessionRow(h.sensor, h.session, h.srcIp, h.firstTs, h.lastTs, h.hassh, h.clientVersion, h.loginAttempts);
  }

  /** {@link addSession} with the columns as arguments (no object per row on the loader's path). */
  addSessionRow(sensor: string, session: string, srcIp: string | null, firstTs: string | null, lastTs: string | null,
    hassh: string | null, clientVersion: string | null, loginAttempts: number): number {
    if (!srcIp) return -1;
    let st = this.byIp.get(srcIp);
    if (!st) {
      const profile: IpProfile = {
        index: this.states.length, ip: srcIp, sessions: [], loginAttempts: 0, credentials: new Set(), successes: NONE,
        tooling: '|', scripts: NONE, firstTs: null, lastTs: null,
      };
      if (this.links) profile.links = new Set();
      st = { profile, tool: null, toolCount: 0, tools: null };
      this.byIp.set(srcIp, st);
      this.states.push(st);
    }
    const p = st.profile;
    p.sessions.push({ sensor, session, firstTs, lastTs });
    if (hassh || clientVersion) {
      const t = this.toolingOf(hassh ?? '', clientVersion ?? '');
      if (st.tools) st.tools.set(t, (st.tools.get(t) ?? 0) + 1);
      else if (st.tool === null || st.tool === t) {
        st.tool = t;
        st.toolCount++;
      } else st.tools = new Map([[st.tool, st.toolCount], [t, 1]]);
    }
    if (firstTs && (!p.firstTs || firstTs < p.firstTs)) p.firstTs = firstTs;
    const last = lastTs ?? firstTs;
    if (last && (!p.lastTs || last > p.lastTs)) p.lastTs = last;
    const slot = this.slotIp.length;
    this.slotIp.push(p.index);
    this.slotAttempts.push(loginAttempts);
    this.slotCreds.push(0);
    return slot;
  }

  /** A credential row of the session in `slot`. */
  addCredential(slot: number, username: string | null, password: string | null, success: boolean): void {
    if (slot < 0) return;
    const p = this.states[this.slotIp[slot]!]!.profile;
    const k = this.credKeyOf(username ?? '', password ?? '');
    p.credentials.add(k);
    this.slotCreds[slot]!++;
    if (success) {
      p.successes = addTo(p.successes, k);
      p.links?.add(linkKey('credential', k));
    }
  }

  /** The next command (normalised form) of the session in `slot`, in event order. */
  addCommand(slot: number, normalized: string): void {
    if (slot < 0) return;
    const l = this.slotCommands.get(slot);
    if (l) l.push(normalized);
    else this.slotCommands.set(slot, [normalized]);
  }

  /** A download (direction `download`) of the session in `slot`. */
  addDownload(slot: number, url: string | null, shasum: string | null): void {
    const p = slot < 0 ? undefined : this.states[this.slotIp[slot]!]!.profile;
    if (!p?.links) return;
    if (shasum) p.links.add(linkKey('downloadHash', shasum));
    if (url) p.links.add(linkKey('downloadUrl', url));
  }

  /** An SSH key (SHA-256 fingerprint) the session in `slot` injected. */
  addSshKey(slot: number, fingerprint: string): void {
    if (slot < 0) return;
    this.states[this.slotIp[slot]!]!.profile.links?.add(linkKey('sshKey', fingerprint));
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

  /** Finish: login attempts, scripts, links and the most frequent tooling of every IP. */
  build(): IpProfile[] {
    for (let s = 0; s < this.slotIp.length; s++) this.states[this.slotIp[s]!]!.profile.loginAttempts += Math.max(this.slotAttempts[s]!, this.slotCreds[s]!);
    for (const [slot, cmds] of this.slotCommands) {
      const p = this.states[this.slotIp[slot]!]!.profile;
      const script = cmds.join('\n');
      p.scripts = addTo(p.scripts, script);
      if (this.links && cmds.length >= this.links.minScriptCommands) p.links!.add(linkKey('script', script));
    }
    for (const st of this.states) {
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
