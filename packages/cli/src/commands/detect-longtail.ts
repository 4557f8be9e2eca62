import type { Command } from 'commander';
import { CURRENT_SCHEMA_VERSION, type CowrieStore } from '@cowrieprocessor/core';
import {
  addMs, detectLongtail, loadLongtailHistory, loadLongtailWindow, longtailFindings, DEFAULT_LONGTAIL_PARAMS,
  type DetectionWindow, type LongtailResult, type ProgressFn, type SessionRef,
} from '@cowrieprocessor/detection';
import type { CliIo } from '../io.js';
import { printJson, printLines, printable, truncate } from '../output.js';
import { positiveInt } from './common-options.js';
import { addDetectOptions, runDetector, type DetectOptions } from './detect-common.js';

interface LongtailOptions extends DetectOptions {
  baselineDays: number;
  cache: boolean;
  top: number;
}

const keys = (refs: SessionRef[], n = 10) => refs.slice(0, n).map((r) => `${r.sensor}/${r.session}`);

/**
 * The `--json` shape: counts for `sessions`, up to 10 `sensor/session` keys per finding, the top
 * `top` entries of each list and the totals.
 *
 * @example
 * ```ts
 * printJson(io, longtailJson(result, 50)); // { rareCommands: [{ command, count, sessions, examples, … }], anomalousSessions: […], … }
 * ```
 */
export function longtailJson(r: LongtailResult, top: number) {
  return {
    rareCommands: r.rareCommands.slice(0, top).map(({ sessionRefs, ...c }) => ({ ...c, sessionKeys: keys(sessionRefs) })),
    anomalousSessions: r.anomalousSessions.slice(0, top),
    novelSequences: r.novelSequences.slice(0, top).map(({ sessionRefs, ...c }) => ({ ...c, sessionKeys: keys(sessionRefs) })),
    highEntropy: r.highEntropy.slice(0, top).map(({ sessionRefs, ...c }) => ({ ...c, sessionKeys: keys(sessionRefs) })),
    emerging: r.emerging.slice(0, top).map(({ sessionRefs, ...c }) => ({ ...c, sessionKeys: keys(sessionRefs) })),
    totals: { rareCommands: r.rareCommands.length, anomalousSessions: r.anomalousSessions.length, novelSequences: r.novelSequences.length, highEntropy: r.highEntropy.length, emerging: r.emerging.length },
    stats: r.stats,
  };
}

/**
 * `cowrie detect longtail`: rare commands, novel command sequences, outlier sessions, high-entropy
 * payloads and emerging patterns against a baseline window before `--since`. Session features
 * go through the `session_features` cache (`--no-cache` to skip it). Exit 0 when anything was
 * found, 1 when nothing was.
 *
 * @example
 * ```ts
 * registerDetectLongtail(program.command('detect'), io, (code) => (exitCode = code));
 * ```
 */
export function registerDetectLongtail(detect: Command, io: CliIo, setExit: (code: number) => void): void {
  addDetectOptions(detect.command('longtail').description('the long tail: rare commands, novel sequences, outlier sessions, encoded payloads, emerging patterns (exit 1 when none)'))
    .option('--baseline-days <n>', 'days of history before --since that rarity, novelty and emergence are measured against', (v) => (v === '0' ? 0 : positiveInt('--baseline-days')(v)), 28)
    .option('--no-cache', 'extract every session\'s features instead of using the session_features cache')
    .option('--top <n>', 'entries per list in the output', positiveInt('--top'), 50)
    .action(async (opts: LongtailOptions) => {
      // The window is read page by page into slim sessions and packed features (full records of a
      // large window were most of the command's memory). The cache is written only into a
      // database at exactly our schema (a newer one is read-only to us).
      const load = (store: CowrieStore, window: DetectionWindow, o: { onProgress: ProgressFn }) =>
        loadLongtailWindow(store, window, { cache: opts.cache && store.schemaVersion === CURRENT_SCHEMA_VERSION, onProgress: o.onProgress });
      const r = await runDetector(io, opts, 'longtail', ['onnx-node', 'js'], load, async (ctx) => {
        const baseline = { since: addMs(ctx.window.since, -opts.baselineDays * 24 * 3600 * 1000), until: ctx.window.since, sensor: ctx.window.sensor };
        const history = opts.baselineDays > 0 ? await loadLongtailHistory(ctx.store, baseline) : [];
        const res = await detectLongtail({
          window: ctx.data.sessions, history, backend: ctx.backend, onProgress: ctx.onProgress,
          features: ctx.data.features, featureCounts: { extracted: ctx.data.extracted, reused: ctx.data.reused },
        });
        return { findings: longtailFindings(res), params: { ...DEFAULT_LONGTAIL_PARAMS, baselineDays: opts.baselineDays }, stats: { ...res.stats }, output: { res, baseline } };
      });
      const { res, baseline } = r.output;
      const found = r.findings.length;
      if (opts.json) printJson(io, { ...longtailJson(res, opts.top), window: r.window, baseline: { since: baseline.since, until: baseline.until }, backend: r.backend, runId: r.runId, seconds: r.seconds });
      else printLines(io, describeLongtail(res, r, Math.min(opts.top, 10)));
      setExit(found > 0 ? 0 : 1);
    });
}

function describeLongtail(res: LongtailResult, r: { window: { since: string; until: string; sensor?: string }; backend: string; seconds: number; runId: string | null }, n: number): string[] {
  const line = (s: string) => `  ${truncate(printable(s), 110)}`;
  return [
    `Longtail ${r.window.since} to ${r.window.until}${r.window.sensor ? `, sensor ${r.window.sensor}` : ''}: ${res.stats.sessions} sessions, ${res.stats.historySessions} in the baseline (${r.seconds} s, backend ${r.backend})`,
    `Features: ${res.stats.featuresExtracted} extracted, ${res.stats.featuresReused} from the cache`,
    `Rare commands (≤ ${res.stats.rareThreshold} sessions; rarest first): ${res.rareCommands.length}`,
    ...res.rareCommands.slice(0, n).map((c) => line(`${c.sessions}/${c.historySessions}  ${c.command}`)),
    `Anomalous sessions (highest first): ${res.anomalousSessions.length}`,
    ...res.anomalousSessions.slice(0, n).map((a) => line(`${a.score.toFixed(2)}  ${a.sensor}/${a.session}  ${a.reasons[0] ?? ''}`)),
    `Novel sequences: ${res.novelSequences.length}`,
    ...res.novelSequences.slice(0, n).map((s) => line(`${s.sessions}  ${s.sequence.join(' ⏎ ')}`)),
    `High-entropy payloads: ${res.highEntropy.length}`,
    ...res.highEntropy.slice(0, n).map((h) => line(`${h.encoding} ${h.length}  ${h.command}`)),
    `Emerging: ${res.emerging.length}`,
    ...res.emerging.slice(0, n).map((e) => line(`z ${e.z}  ${e.kind} ${e.value}`)),
    ...res.stats.notes.map((x) => `Note: ${x}`),
    ...(r.runId ? [`Stored as run ${r.runId}`] : []),
  ];
}
