import type { Command } from 'commander';
import type { CowrieStore } from '@cowrieprocessor/core';
import { BOTNET_DEFAULTS, detectBotnetsInProfilesAsync, loadFindingSessions, loadIpProfiles, type DetectionWindow, type Finding, type ProgressFn } from '@cowrieprocessor/detection';
import type { CliIo } from '../io.js';
import { printJson, printLines, printable } from '../output.js';
import { addDetectOptions, runDetector, type DetectOptions } from './detect-common.js';

/**
 * `cowrie detect botnet`: clusters of IPs acting as one (same SSH key, download, script or
 * seldom-tried successful credentials). Exit 0 when any was found, 1 when none.
 *
 * @example
 * ```ts
 * registerDetectBotnet(program.command('detect'), io, (code) => (exitCode = code));
 * ```
 */
export function registerDetectBotnet(detect: Command, io: CliIo, setExit: (code: number) => void): void {
  addDetectOptions(detect.command('botnet').description('botnet clusters: IPs sharing SSH keys, downloads, scripts or credentials (exit 1 when none)'))
    .action(async (opts: DetectOptions) => {
      const links = { minScriptCommands: BOTNET_DEFAULTS.minScriptCommands };
      const load = async (store: CowrieStore, window: DetectionWindow, o: { onProgress: ProgressFn }) => {
        const triedBy = new Map<string, number>();
        return { profiles: await loadIpProfiles(store, window, { ...o, links, credentials: 'succeeded', triedBy }), triedBy };
      };
      const r = await runDetector(io, opts, 'botnet', ['js'], load, async (ctx) => {
        const res = await detectBotnetsInProfilesAsync(ctx.data.profiles, { ...links, triedBy: ctx.data.triedBy, onProgress: ctx.onProgress, backend: ctx.backend });
        await loadFindingSessions(ctx.store, ctx.window, res.clusters);
        return { findings: res.clusters, params: {}, stats: res.stats, output: { clusters: res.clusters, stats: res.stats } };
      });
      const clusters = r.output.clusters.map(toJson);
      if (opts.json) printJson(io, { clusters, window: r.window, backend: r.backend, runId: r.runId, stats: r.output.stats, seconds: r.seconds });
      else printLines(io, [
        `Botnet clusters ${r.window.since} to ${r.window.until}${r.window.sensor ? `, sensor ${r.window.sensor}` : ''}: ${clusters.length} (${r.seconds} s, backend ${r.backend})`,
        ...r.output.clusters.flatMap((c) => [
          `  ${c.score.toFixed(3)}  ${c.ips.length} IPs, ${c.sessions.length} sessions  ${c.id}`,
          ...((c.evidence.reasons as string[]) ?? []).map((x) => `         ${printable(x)}`),
        ]),
        ...(r.runId ? [`Stored as run ${r.runId}`] : []),
      ]);
      setExit(clusters.length > 0 ? 0 : 1);
    });
}

function toJson(c: Finding) {
  return { id: c.id, ips: c.ips.map((i) => i.ip), sessions: c.sessions.length, score: c.score, firstSeen: c.firstSeen, lastSeen: c.lastSeen, summary: c.summary, evidence: c.evidence };
}
