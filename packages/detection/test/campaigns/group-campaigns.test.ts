import { describe, expect, it } from 'vitest';
import { credKey, type IpProfile } from '../../src/data/ip-profiles.js';
import { groupCampaigns } from '../../src/snowshoe/group-campaigns.js';

const TOOL = 'abc|SSH-2.0-Go';
let n = 0;
/** A low-volume profile trying `pairs` once at `day` (days after 2025-01-01, fractional). */
const ip = (pairs: string[], day: number): IpProfile => {
  const t = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString();
  const i = n++;
  return { index: i, ip: `198.51.${i >> 8}.${i & 255}`, sessions: [], sessionCount: 1, loginAttempts: pairs.length, credentials: new Set(pairs.map((p) => credKey('root', p))),
    successes: new Set(), tooling: TOOL, scripts: new Set(), firstTs: t, lastTs: t };
};

describe('groupCampaigns: time and single-pair IPs', () => {
  it('splits two campaigns of one fingerprint linked by a shared pair but weeks apart, and attaches one-pair IPs only inside a group span', () => {
    n = 0;
    // Campaign A: 12 IPs over days 1–2; campaign B: 12 IPs over days 30–31; both try "shared" plus their own pairs.
    const a = Array.from({ length: 12 }, (_, i) => ip(['shared', `a${i % 3}`], 1 + i / 12));
    const b = Array.from({ length: 12 }, (_, i) => ip(['shared', `b${i % 3}`], 30 + i / 12));
    const inside = ip(['a1'], 1.5);
    const outside = ip(['a1'], 10);
    const profiles = [...a, ...b, inside, outside];
    const groups = groupCampaigns(profiles, new Uint8Array(profiles.length).fill(1), { minConcentration: 0.75, attach: true });
    const sets = groups.map((g) => new Set(g.members.map((m) => m.ip)));
    const of = (p: IpProfile) => sets.findIndex((s) => s.has(p.ip));
    expect(new Set(a.map(of)).size).toBe(1);
    expect(new Set(b.map(of)).size).toBe(1);
    expect(of(a[0]!)).not.toBe(of(b[0]!));
    expect(of(inside)).toBe(of(a[0]!));
    expect(of(outside)).toBe(-1);
  });
});
