import { describe, expect, it } from 'vitest';
import { runPlanSync } from '../../src/compute/kernel-plan.js';
import { credKey, type IpProfile } from '../../src/data/ip-profiles.js';
import { TOOL, ipProfileFactory } from './support/ip-profile-factory.js';
import { attachConcurrentPlan } from '../../src/snowshoe/concurrent-attach.js';
import { groupCampaigns, type CampaignGroup } from '../../src/snowshoe/group-campaigns.js';
import { ownedPairRows, ownedPairs } from '../../src/snowshoe/ownership-vectors.js';
import { SNOWSHOE_DEFAULTS } from '../../src/snowshoe/snowshoe-options.js';

let ip = ipProfileFactory();
const params = { minIps: 8, ...SNOWSHOE_DEFAULTS.concurrent };
const group = (members: IpProfile[]): CampaignGroup => ({ tooling: TOOL, members: [...members], bindingCreds: new Map(), bindingScripts: new Map(), attached: 0, subgroups: 1,
  attachedBySimilarity: 0, attachedConcurrently: 0, credUse: new Map() });
const run = (profiles: IpProfile[], groups: CampaignGroup[]) => {
  const groupOf = new Int32Array(profiles.length).fill(-1);
  groups.forEach((g, gi) => g.members.forEach((m) => (groupOf[m.index] = gi)));
  const stats = { groups: 0, candidates: 0, attached: 0 };
  const use = { calls: 0, pairs: 0 };
  runPlanSync(attachConcurrentPlan(profiles, new Uint8Array(profiles.length).fill(1), groups, groupOf, params, stats), use);
  return { groupOf, stats, use };
};

describe('snowshoe: attaching lone IPs by what a campaign owns while it runs', () => {
  it('counts owned pairs exactly through the cosine kernel rows', () => {
    ip = ipProfileFactory();
    const members = [ip(['a', 'b'], 0), ip(['a', 'c'], 1)];
    const lone = [ip(['a', 'x', 'y'], 1), ip(['b'], 1), ip(['z'], 1)];
    // a: 2 members vs 1 concurrent lone IP; b: 1 vs 1; c: nobody else. Flanks: c is everyday there.
    const flank = [ip(['c'], 100), ip(['c'], 120), ip(['a'], 130)];
    const owned = ownedPairs(members, lone, flank, 0.25, 0.5);
    expect([...owned].sort()).toEqual([credKey('root', 'a'), credKey('root', 'b')]);
    // A stricter ownership drops b (members are only half of who tried it then).
    expect([...ownedPairs(members, lone, flank, 0.25, 0.6)]).toEqual([credKey('root', 'a')]);
    // The background's rate from the flanks, scaled up: a is tried no more than usual, so nobody's.
    expect([...ownedPairs(members, lone, flank, 1, 0.5)]).toEqual([credKey('root', 'b')]);
    const { x, norms } = ownedPairRows([new Set([credKey('root', 'a'), credKey('root', 'b')])], lone);
    const dot = (i: number, j: number) => Array.from({ length: x.cols }, (_, k) => x.data[i * x.cols + k]! * x.data[j * x.cols + k]!).reduce((s, v) => s + v, 0);
    // Norms are the rows' own (so cosine × norms is the dot), and the dot counts owned pairs tried.
    for (let r = 0; r < x.rows; r++) expect(norms[r]).toBeCloseTo(Math.sqrt(dot(r, r)), 5);
    expect([1, 2, 3].map((r) => dot(0, r))).toEqual([1, 1, 0]);
  });

  it('attaches quiet IPs of the campaign inside its span, not the busy background nor IPs outside it', () => {
    ip = ipProfileFactory();
    // A campaign of 10 IPs over 20 h, mixing its own common pairs.
    const dict = ['tech1234', 'Server2017', 'wubao', 'miner1324', 'pfsense'];
    const members = Array.from({ length: 10 }, (_, i) => ip([dict[i % 5]!, dict[(i + 1) % 5]!], 2 * i));
    // Its quiet IPs: one of its pairs (plus one it shares with nobody seen), inside the span.
    const quiet = [ip(['wubao', 'admin1'], 5), ip(['pfsense'], 12)];
    // Same client, same span, own list: shares nothing.
    const other = Array.from({ length: 6 }, (_, i) => ip(['root1234', 'qwerty'], 3 * i));
    // A pair the campaign uses that the concurrent background tries far more: owned by nobody.
    const members2 = members.map((m, i) => (i < 3 ? (m.credentials.add(credKey('root', '123456')), m) : m));
    const busy = Array.from({ length: 10 }, (_, i) => ip(['123456'], 1 + i));
    // The campaign's pair, but days after it stopped; and inside the span but another client.
    const late = ip(['wubao'], 24 * 5);
    const otherClient = ip(['wubao'], 6, 'zzz|SSH-2.0-PUTTY');
    const profiles = [...members2, ...quiet, ...other, ...busy, late, otherClient];
    const g = group(members2);
    const { groupOf, stats, use } = run(profiles, [g]);
    expect(quiet.map((p) => groupOf[p.index])).toEqual([0, 0]);
    for (const p of [...other, ...busy, late, otherClient]) expect(groupOf[p.index], p.ip).toBe(-1);
    expect(g.attachedConcurrently).toBe(2);
    expect(g.minOwnedShare).toBeCloseTo(0.5);
    expect(stats.attached).toBe(2);
    expect(use.calls).toBeGreaterThan(0);
  });

  it('gives an IP both campaigns could claim to the denser one, and never makes a group of a small one', () => {
    ip = ipProfileFactory();
    const sparse = Array.from({ length: 8 }, (_, i) => ip(['tech1234', 'wubao'], 6 * i));
    const dense = Array.from({ length: 30 }, (_, i) => ip(['tech1234', 'admin1234'], 10 + i / 10));
    const small = Array.from({ length: 4 }, (_, i) => ip(['solo99'], 100 + i));
    const shared = ip(['tech1234'], 11);
    const smallLone = ip(['solo99'], 101);
    const profiles = [...sparse, ...dense, ...small, shared, smallLone];
    const groups = [group(sparse), group(dense), group(small)];
    const { groupOf } = run(profiles, groups);
    expect(groupOf[shared.index]).toBe(1);
    expect(groupOf[smallLone.index]).toBe(-1);
  });

  it('runs inside groupCampaigns only when asked', () => {
    ip = ipProfileFactory();
    const dict = ['tech1234', 'Server2017', 'wubao'];
    // Bound by a pair only they try (`Xq-77`), plus common ones of the list.
    const members = Array.from({ length: 9 }, (_, i) => ip(['Xq-77', dict[i % 3]!], i));
    const quiet = ip(['wubao'], 4);
    // Other clients try the list's pairs too, so those pairs bind nobody.
    const elsewhere = dict.flatMap((p, i) => [ip([p], 200 + i, 'x|SSH-2.0-x'), ip([p], 300 + i, 'y|SSH-2.0-y')]);
    const profiles = [...members, quiet, ...elsewhere];
    const low = new Uint8Array(profiles.length).fill(1);
    const base = { minConcentration: 0.75, attach: false };
    const without = groupCampaigns(profiles, low, base);
    expect(without[0]!.members).not.toContain(quiet);
    const stats = { groups: 0, candidates: 0, attached: 0 };
    const withIt = groupCampaigns(profiles, low, { ...base, concurrent: params }, undefined, stats);
    expect(withIt[0]!.members).toContain(quiet);
    expect(withIt[0]!.attachedConcurrently).toBe(1);
    expect(stats.candidates).toBe(1);
  });
});
