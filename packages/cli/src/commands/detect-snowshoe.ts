import type { Command } from 'commander';
import type { CowrieStore } from '@cowrieprocessor/core';
import { detectSnowshoeInProfilesAsync, loadFindingSessions, loadIpInfo, loadIpProfiles, predecessorWindowScoreOfProfiles, type DetectionWindow, type Finding, type ProgressFn } from '@cowrieprocessor/detection';
import type { CliIo } from '../io.js';
import { printJson, printLines, printable } from '../output.js';
import { addDetectOptions, runDetector, type DetectOptions } from './detect-common.js';

/**
 * `cowrie detect snowshoe`: campaigns of many low-volume IPs bound by a shared credential
 * dictionary or script under one tooling fingerprint. Exit 0 when any was found, 1 when none.
 *
 * @example
 * ```ts
 * registerDetectSnowshoe(program.command('detect'), io, (code) => (exitCode = code));
 * ```
 */
export function registerDetectSnowshoe(detect: Command, io: CliIo, setExit: (code: number) => void): void {
  addDetectOptions(detect.command('snowshoe').description('snowshoe campaigns: many low-volume IPs sharing a credential dictionary and tooling (exit 1 when none)'))
    .action(async (opts: DetectOptions) => {
      const load = async (store: CowrieStore, window: DetectionWindow, o: { onProgress: ProgressFn }) => {
        const starts: Array<string | null> = [];
        return { profiles: await loadIpProfiles(store, window, { ...o, starts }), starts };
      };
      const r = await runDetector(io, opts, 'snowshoe', ['js'], load, async (ctx) => {
        const ipInfo = await loadIpInfo(ctx.store);
        const res = await detectSnowshoeInProfilesAsync(ctx.data.profiles, { ipInfo, onProgress: ctx.onProgress, backend: ctx.backend });
        await loadFindingSessions(ctx.store, ctx.window, res.campaigns);
        const predecessor = predecessorWindowScoreOfProfiles(ctx.data.profiles, { ipInfo, starts: ctx.data.starts });
        return { findings: res.campaigns, params: {}, stats: { ...res.stats, predecessorWindowScore: predecessor.score }, output: { campaigns: res.campaigns, predecessor, stats: res.stats } };
      });
      const campaigns = r.output.campaigns.map(toJson);
      if (opts.json) printJson(io, { campaigns, window: r.window, backend: r.backend, runId: r.runId, predecessorWindowScore: r.output.predecessor, stats: r.output.stats, seconds: r.seconds });
      else printLines(io, [
        `Snowshoe campaigns ${r.window.since} to ${r.window.until}${r.window.sensor ? `, sensor ${r.window.sensor}` : ''}: ${campaigns.length} (${r.seconds} s, backend ${r.backend})`,
        ...r.output.campaigns.flatMap((c) => [
          `  ${c.score.toFixed(3)}  ${c.ips.length} IPs, ${c.sessions.length} sessions  ${c.firstSeen ?? '?'} → ${c.lastSeen ?? '?'}  ${c.id}`,
          ...((c.evidence.reasons as string[]) ?? []).map((x) => `         ${printable(x)}`),
        ]),
        `Predecessor window score: ${r.output.predecessor.score.toFixed(3)} (${r.output.predecessor.isLikelySnowshoe ? 'yes' : 'no'}; names no IPs)`,
        ...(r.runId ? [`Stored as run ${r.runId}`] : []),
      ]);
      setExit(campaigns.length > 0 ? 0 : 1);
    });
}

function toJson(c: Finding) {
  return { id: c.id, ips: c.ips.map((i) => i.ip), sessions: c.sessions.length, score: c.score, firstSeen: c.firstSeen, lastSeen: c.lastSeen, summary: c.summary, evidence: c.evidence };
}
