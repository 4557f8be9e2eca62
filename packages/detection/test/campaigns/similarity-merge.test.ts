import { describe, expect, it } from 'vitest';
import { credKey, type IpProfile } from '../../src/data/ip-profiles.js';
import { TOOL, ipProfileFactory } from './support/ip-profile-factory.js';
import { groupCampaigns } from '../../src/snowshoe/group-campaigns.js';
import { SNOWSHOE_DEFAULTS } from '../../src/snowshoe/snowshoe-options.js';

let ip = ipProfileFactory();

describe('snowshoe: merging sub-groups by dictionary similarity', () => {
  it('merges two sub-groups bound by different rare pairs of one word list, not a concurrent campaign of another', () => {
    ip = ipProfileFactory();
    // One campaign, two sub-groups: no rare pair in common, but both mutate "falcon42".
    const a = Array.from({ length: 6 }, (_, i) => ip(['falcon42!root', `falcon42#${100 + (i % 2)}`, 'admin'], 1 + i));
    const b = Array.from({ length: 5 }, (_, i) => ip(['root@falcon42', `depfalcon42${i % 2}`, 'admin'], 2 + i));
    // A concurrent campaign of the same fingerprint with its own word list. (One that mutates
    // another word the same way, `quartz17!root`, shares the pattern's trigrams and can merge.)
    const c = Array.from({ length: 6 }, (_, i) => ip(['Zx9-qwe', `qwe-${200 + (i % 2)}`, 'admin'], 1 + i));
    // Background trying common pairs only, with many clients (so common pairs bind nothing).
    const bg = Array.from({ length: 60 }, (_, i) => ip([['admin', '123456', 'root', 'password'][i % 4]!], i / 4, i % 5 ? `h${i % 5}|SSH-2.0-x${i % 5}` : TOOL));
    const profiles = [...a, ...b, ...c, ...bg];
    const low = new Uint8Array(profiles.length).fill(1);
    const opts = { minConcentration: 0.75, attach: false };
    const stats = { units: 0, blocks: 0, pairsCompared: 0, merged: 0, attached: 0 };
    const without = groupCampaigns(profiles, low, opts).map((g) => g.members.length).sort();
    expect(without).toEqual([5, 6, 6]);
    const groups = groupCampaigns(profiles, low, { ...opts, similarity: SNOWSHOE_DEFAULTS.similarity }, stats);
    const of = (p: IpProfile) => groups.findIndex((g) => g.members.includes(p));
    expect(new Set([...a, ...b].map(of)).size).toBe(1);
    expect(of(c[0]!)).not.toBe(of(a[0]!));
    const merged = groups[of(a[0]!)]!;
    expect(merged.subgroups).toBe(2);
    expect(merged.mergeCosine).toBeGreaterThanOrEqual(SNOWSHOE_DEFAULTS.similarity.minMergeCosine);
    expect(stats.merged).toBe(1);
    expect(stats.pairsCompared).toBeGreaterThan(0);
  });
});
