import type { BackgroundProfile } from './background-profile.js';
import type { Rng } from './prng.js';
import { botScript } from './scenarios.js';
import type { SessionSpec } from './write-session.js';

/**
 * Synthetic background sessions, for scale runs and unit tests without the real captures: a
 * third scanners (no login), many one-off and repeat brute-forcers trying common pairs (plus the
 * odd unique one) with common tooling, a few heavy hitters, and bot families running one script
 * each from a pool of IPs. The mix has its own coordinated groups, as real background does.
 *
 * @example
 * ```ts
 * const specs = backgroundSessions(rng, DEFAULT_BACKGROUND, 10_000, { start, end, sensors, nextIp, nextSession });
 * ```
 */
export function backgroundSessions(rng: Rng, bg: BackgroundProfile, count: number, ctx: {
  start: number; end: number; sensors: string[]; nextIp: () => string; nextSession: () => string;
}): SessionSpec[] {
  const pool = Array.from({ length: Math.max(10, Math.round(count * 0.35)) }, () => ctx.nextIp());
  const heavy = Array.from({ length: Math.max(2, Math.round(count / 400)) }, () => ctx.nextIp());
  const families = Array.from({ length: Math.max(2, Math.round(count / 800)) }, (_, i) => ({
    ips: Array.from({ length: rng.int(3, 30) }, () => ctx.nextIp()),
    script: botScript(rng, `bg${i}`, rng.bool(0.2)),
    cred: rng.zipf(bg.credentials),
  }));
  const out: SessionSpec[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng.next();
    const tool = rng.zipf(bg.tooling, 1.3);
    const spec: SessionSpec = {
      sensor: rng.pick(ctx.sensors), session: ctx.nextSession(), ip: rng.pick(pool), start: rng.int(ctx.start, ctx.end - 60_000),
      clientVersion: tool.clientVersion, hassh: tool.hassh, attempts: [], commands: [], downloads: [],
    };
    if (r < 0.33) {
      if (rng.bool(0.3)) spec.clientVersion = spec.hassh = null;
    } else if (r < 0.83) {
      for (let k = rng.int(1, 4); k > 0; k--) {
        const c = rng.bool(0.15) ? { username: rng.pick(['root', 'admin', 'user']), password: rng.hex(rng.int(6, 10)) } : rng.zipf(bg.credentials);
        spec.attempts.push({ ...c, success: false });
      }
    } else if (r < 0.93) {
      spec.ip = rng.pick(heavy);
      for (let k = rng.int(5, 20); k > 0; k--) spec.attempts.push({ ...rng.zipf(bg.credentials, 0.8), success: false });
    } else {
      const f = rng.pick(families);
      spec.ip = rng.pick(f.ips);
      spec.attempts.push({ ...f.cred, success: true });
      spec.commands = f.script.commands;
      spec.downloads = f.script.downloads;
    }
    out.push(spec);
  }
  return out;
}
