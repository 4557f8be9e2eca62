import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate/index.js';

describe('simulate', () => {
  const opts = { seed: 42, snowshoe: [{ ips: 30, level: 'medium' as const }], botnets: [{ ips: 12, level: 'high' as const }], novelSessions: 4, backgroundSessions: 800 };

  it('is deterministic for a seed and differs across seeds', () => {
    const a = simulate(opts);
    const b = simulate(opts);
    expect(b.lines).toEqual(a.lines);
    expect(simulate({ ...opts, seed: 43 }).lines).not.toEqual(a.lines);
  });

  it('writes Cowrie events whose sessions and IPs match the ground truth', () => {
    const { lines, truth } = simulate(opts);
    const events = lines.map((l) => JSON.parse(l) as Record<string, string>);
    expect(truth.events).toBe(events.length);
    const sessions = new Set(events.map((e) => `${e.sensor}/${e.session}`));
    expect(sessions.size).toBe(truth.sessions);
    const ipOf = new Map(events.map((e) => [`${e.sensor}/${e.session}`, e.src_ip]));
    for (const c of truth.campaigns) {
      expect(new Set(c.ips).size).toBe(c.ips.length);
      for (const s of c.sessions) expect(c.ips).toContain(ipOf.get(s));
    }
    expect(truth.campaigns.map((c) => c.ips.length)).toEqual([30, 12]);
    expect(truth.novelSessions).toHaveLength(4);
    for (const e of events) expect(e.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    const ts = events.map((e) => e.timestamp);
    expect([...ts].sort()).toEqual(ts);
  });

  it('keeps snowshoe members low-volume and on common tooling, and never reuses an excluded IP', () => {
    const probe = simulate(opts);
    const exclude = new Set(probe.truth.campaigns.flatMap((c) => c.ips));
    const { lines, truth } = simulate({ ...opts, excludeIps: exclude });
    for (const c of truth.campaigns) for (const ip of c.ips) expect(exclude.has(ip)).toBe(false);
    const snow = truth.campaigns[0]!;
    const perIp = new Map<string, number>();
    for (const l of lines) {
      const e = JSON.parse(l) as Record<string, string>;
      if (e.eventid === 'cowrie.session.connect' && snow.ips.includes(e.src_ip!)) perIp.set(e.src_ip!, (perIp.get(e.src_ip!) ?? 0) + 1);
    }
    expect(Math.max(...perIp.values())).toBeLessThanOrEqual(3);
    expect(['SSH-2.0-libssh_0.9.6', 'SSH-2.0-Go', 'SSH-2.0-libssh2_1.8.0', 'SSH-2.0-paramiko_2.7.2']).toContain(snow.clientVersion);
  });
});
