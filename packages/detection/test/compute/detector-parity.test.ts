import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKEND_NAMES, buildIpProfiles, detectBotnetsAsync, detectBotnetsInProfiles, detectSnowshoeAsync, detectSnowshoeInProfiles,
  resolveBackend, simulate, type BackendName, type ComputeBackend, type SessionRecord,
} from '../../src/index.js';
import { credentialOnlySessions, loadSimulated } from './support/load-simulated.js';

/**
 * The snowshoe and botnet detectors give the same groups on every backend: their similarity
 * kernels run on the forced backend (ONNX sessions really run), inside candidate blocks.
 */
describe('snowshoe and botnet on every compute backend', () => {
  let sessions: SessionRecord[];
  let cleanup: () => Promise<void>;
  const backends = new Map<BackendName, ComputeBackend>();

  beforeAll(async () => {
    const sim = simulate({
      seed: 424242, backgroundSessions: 3000,
      snowshoe: [{ ips: 30, level: 'low' }, { ips: 40, level: 'medium' }],
      botnets: [{ ips: 20, level: 'low' }, { ips: 12, level: 'medium' }],
    });
    ({ sessions, cleanup } = await loadSimulated(sim.lines));
    // IPs linked only by a seldom-tried successful password: some log in and leave, others run
    // a short (not strong) script, so the botnet detector must compare behaviour on the kernel.
    sessions.push(...credentialOnlySessions());
    for (const name of BACKEND_NAMES) backends.set(name, await resolveBackend({ forced: name }));
  });
  afterAll(async () => {
    for (const b of backends.values()) await b.dispose();
    await cleanup?.();
  });

  const groupsOf = (fs: Array<{ ips: Array<{ ip: string }> }>) => fs.map((f) => f.ips.map((i) => i.ip).join(',')).sort();

  it.each(BACKEND_NAMES.map((n) => [n]))('snowshoe on %s: same campaigns as the inline JS kernel, kernel runs counted', async (name) => {
    const backend = backends.get(name)!;
    const inline = detectSnowshoeInProfiles(buildIpProfiles(sessions));
    const before = backend.runs;
    const res = await detectSnowshoeAsync(sessions, { backend });
    expect(res.stats.kernel.backend).toBe(name);
    expect(res.stats.kernel.calls).toBeGreaterThan(0);
    expect(res.stats.similarity.pairsCompared).toBeGreaterThan(0);
    // The backend itself counted the runs (ONNX: inference session runs).
    expect(backend.runs - before).toBeGreaterThanOrEqual(res.stats.kernel.calls);
    expect(groupsOf(res.campaigns)).toEqual(groupsOf(inline.campaigns));
    expect(res.campaigns.map((c) => c.score)).toEqual(inline.campaigns.map((c) => c.score));
    // The concurrent-attach step decides alike on every backend (its counts come from cosines).
    expect(res.stats.concurrent).toEqual(inline.stats.concurrent);
    // Nothing quadratic: pairs computed stay far below all low-volume IPs squared.
    expect(res.stats.kernel.pairs).toBeLessThan(res.stats.lowVolumeIps ** 2 / 10);
  });

  it.each(BACKEND_NAMES.map((n) => [n]))('botnet on %s: same clusters as the inline JS kernel, kernel runs counted', async (name) => {
    const backend = backends.get(name)!;
    const inline = detectBotnetsInProfiles(buildIpProfiles(sessions, { links: { minScriptCommands: 3 } }));
    const before = backend.runs;
    const res = await detectBotnetsAsync(sessions, { backend });
    expect(res.stats.kernel.backend).toBe(name);
    expect(res.stats.kernel.calls).toBeGreaterThan(0);
    expect(backend.runs - before).toBeGreaterThanOrEqual(res.stats.kernel.calls);
    expect(groupsOf(res.clusters)).toEqual(groupsOf(inline.clusters));
  });

  it('fails clearly when the backend cannot run a kernel, never falling back', async () => {
    const broken: ComputeBackend = { ...backends.get('js')!, name: 'onnx-web', pairwiseCosine: async () => Promise.reject(new Error('session lost')) };
    await expect(detectSnowshoeAsync(sessions, { backend: broken })).rejects.toThrow('session lost');
    await expect(detectBotnetsAsync(sessions, { backend: broken })).rejects.toThrow('session lost');
  });
});
