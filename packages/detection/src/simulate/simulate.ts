import { DEFAULT_BACKGROUND, type BackgroundProfile } from './background-profile.js';
import { backgroundSessions } from './background-sessions.js';
import type { Distinctiveness, GroundTruth, InjectedCampaign } from './ground-truth.js';
import { createIpAllocator } from './ip-allocator.js';
import { createRng, type Rng } from './prng.js';
import { botScript, novelCommands, snowshoeDictionary } from './scenarios.js';
import { writeSession, type SessionSpec } from './write-session.js';

/** What to simulate; every field but `seed` has a default. */
export interface SimulateOptions {
  seed: number;
  /** ISO start and end of the simulated span (default: 7 days from 2025-12-01). */
  start?: string;
  end?: string;
  sensors?: string[];
  /** Snowshoe campaigns to inject: size in IPs and distinctiveness. */
  snowshoe?: Array<{ ips: number; level: Distinctiveness }>;
  /** Botnets to inject: size in IPs and distinctiveness (`low`: a common successful pair, no key). */
  botnets?: Array<{ ips: number; level: Distinctiveness }>;
  /** Novel (longtail) sessions to inject, for the longtail detector. */
  novelSessions?: number;
  /** Synthetic background sessions to add (0 when mixing into real captures). */
  backgroundSessions?: number;
  /** What is common in the background (credentials, tooling) that campaigns borrow. */
  background?: BackgroundProfile;
  /** IPs of the real background: injected IPs never collide with them. */
  excludeIps?: ReadonlySet<string>;
}

/** A simulated Cowrie log (one JSON object per line, in time order) and its ground truth. */
export interface SimulatedLog {
  lines: string[];
  truth: GroundTruth;
}

/**
 * Write a realistic Cowrie v2.9-era log with labelled campaigns. Seeded: the same options give
 * the same lines. Snowshoe members make 1–3 sessions of 1–3 attempts each over hours to days,
 * drawn from a dictionary that is partly the background's common pairs, with a common tooling
 * fingerprint; botnet members log in and run one script; novel sessions run one-off commands.
 *
 * @example
 * ```ts
 * const { lines, truth } = simulate({ seed: 7, snowshoe: [{ ips: 50, level: 'medium' }], botnets: [{ ips: 20, level: 'high' }], backgroundSessions: 5000 });
 * ```
 */
export function simulate(o: SimulateOptions): SimulatedLog {
  const rng = createRng(o.seed);
  const bg = o.background ?? DEFAULT_BACKGROUND;
  const start = Date.parse(o.start ?? '2025-12-01T00:00:00Z');
  const end = Date.parse(o.end ?? new Date(start + 7 * 86_400_000).toISOString());
  const sensors = o.sensors ?? ['sim-1', 'sim-2', 'sim-3'];
  const ips = createIpAllocator(rng, o.excludeIps);
  const sessionIds = new Set<string>();
  const nextSession = () => {
    for (;;) {
      const s = rng.hex(12);
      if (!sessionIds.has(s)) return sessionIds.add(s), s;
    }
  };
  const specs: SessionSpec[] = [];
  const campaigns: InjectedCampaign[] = [];
  (o.snowshoe ?? []).forEach((c, i) => campaigns.push(injectSnowshoe(rng, bg, c, `snowshoe-${i + 1}`, { start, end, sensors, nextIp: ips.next, nextSession, specs })));
  (o.botnets ?? []).forEach((c, i) => campaigns.push(injectBotnet(rng, bg, c, `botnet-${i + 1}`, { start, end, sensors, nextIp: ips.next, nextSession, specs })));
  const novelSessions = Array.from({ length: o.novelSessions ?? 0 }, () => {
    const n = novelCommands(rng);
    const tool = rng.zipf(bg.tooling);
    const spec: SessionSpec = { sensor: rng.pick(sensors), session: nextSession(), ip: ips.next(), start: rng.int(start, end - 60_000), ...tool, attempts: [{ ...rng.zipf(bg.credentials), success: true }], commands: n.commands, downloads: [] };
    specs.push(spec);
    return { sensor: spec.sensor, session: spec.session, ip: spec.ip, what: n.what };
  });
  // A loop, not push(...spread): a million specs overflow the call stack as arguments.
  for (const spec of backgroundSessions(rng, bg, o.backgroundSessions ?? 0, { start, end, sensors, nextIp: ips.next, nextSession })) specs.push(spec);
  const uuids = new Map(sensors.map((s) => [s, `${rng.hex(8)}-${rng.hex(4)}-11f0-${rng.hex(4)}-${rng.hex(12)}`]));
  const events = specs.flatMap((s) => writeSession(rng, s, uuids.get(s.sensor)!));
  events.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
  return {
    lines: events.map((e) => e.line),
    truth: { seed: o.seed, start: new Date(start).toISOString(), end: new Date(end).toISOString(), sessions: specs.length, events: events.length, campaigns, novelSessions },
  };
}

interface Ctx { start: number; end: number; sensors: string[]; nextIp: () => string; nextSession: () => string; specs: SessionSpec[] }

const isoMs = (ms: number) => new Date(ms).toISOString();

function injectSnowshoe(rng: Rng, bg: BackgroundProfile, c: { ips: number; level: Distinctiveness }, id: string, ctx: Ctx): InjectedCampaign {
  const dict = snowshoeDictionary(rng, bg, c.level, rng.int(12, 30));
  const tool = rng.pick(bg.tooling.slice(0, 4));
  const span = rng.int(6 * 3600_000, Math.min(3 * 86_400_000, ctx.end - ctx.start - 3600_000));
  const t0 = rng.int(ctx.start, ctx.end - span);
  const members = Array.from({ length: c.ips }, () => ctx.nextIp());
  const sessions: string[] = [];
  for (const ip of members) {
    for (let k = rng.int(1, 3); k > 0; k--) {
      const spec: SessionSpec = { sensor: rng.pick(ctx.sensors), session: ctx.nextSession(), ip, start: t0 + rng.int(0, span), ...tool,
        attempts: rng.sample(dict, rng.int(1, 3)).map((d) => ({ ...d, success: false })), commands: [], downloads: [] };
      ctx.specs.push(spec);
      sessions.push(`${spec.sensor}/${spec.session}`);
    }
  }
  return { id, kind: 'snowshoe', level: c.level, ips: members, sessions, clientVersion: tool.clientVersion, hassh: tool.hassh, dictionary: dict, firstSeen: isoMs(t0), lastSeen: isoMs(t0 + span) };
}

function injectBotnet(rng: Rng, bg: BackgroundProfile, c: { ips: number; level: Distinctiveness }, id: string, ctx: Ctx): InjectedCampaign {
  const script = botScript(rng, id, c.level === 'high');
  const cred = c.level === 'low' ? rng.zipf(bg.credentials) : { username: 'root', password: `${rng.hex(4)}!Bot${rng.int(10, 99)}` };
  const tool = rng.pick(bg.tooling.slice(0, 4));
  const span = rng.int(3600_000, Math.min(2 * 86_400_000, ctx.end - ctx.start - 3600_000));
  const t0 = rng.int(ctx.start, ctx.end - span);
  const members = Array.from({ length: c.ips }, () => ctx.nextIp());
  const sessions: string[] = [];
  for (const ip of members) {
    for (let k = rng.int(1, 3); k > 0; k--) {
      const spec: SessionSpec = { sensor: rng.pick(ctx.sensors), session: ctx.nextSession(), ip, start: t0 + rng.int(0, span), ...tool,
        attempts: [{ ...cred, success: true }], commands: script.commands, downloads: script.downloads };
      ctx.specs.push(spec);
      sessions.push(`${spec.sensor}/${spec.session}`);
    }
  }
  return { id, kind: 'botnet', level: c.level, ips: members, sessions, clientVersion: tool.clientVersion, hassh: tool.hassh, dictionary: [cred], script: script.commands, firstSeen: isoMs(t0), lastSeen: isoMs(t0 + span) };
}
