import cliProgress from 'cli-progress';
import { Option, type Command } from 'commander';
import type { CowrieStore } from '@cowrieprocessor/core';
import {
  resolveBackend, resolveWindow, saveDetectionRun,
  type BackendName, type ComputeBackend, type DetectionWindow, type DetectorName, type Finding, type ProgressFn,
} from '@cowrieprocessor/detection';
import { withStore, type DbOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { addDbOptions, addWindowOptions } from './common-options.js';

/** Options every `cowrie detect …` command takes. */
export interface DetectOptions extends DbOptions {
  since?: string;
  until?: string;
  sensor?: string;
  backend?: BackendName;
  store?: boolean;
  progress?: boolean;
}

/**
 * `--db --json --since --until --sensor --backend --store --no-progress` on a detect command.
 *
 * @example
 * ```ts
 * addDetectOptions(detect.command('snowshoe')).action(async (opts: DetectOptions) => …);
 * ```
 */
export function addDetectOptions(cmd: Command): Command {
  return addWindowOptions(addDbOptions(cmd))
    .addOption(new Option('--backend <name>', 'compute backend; forced: runs on it or fails, never falls back').choices(['js', 'onnx-node', 'onnx-web']))
    .option('--store', 'store the run and its findings (runs, findings, links to IPs and sessions)')
    .option('--no-progress', 'no progress bar even on a terminal');
}

/** What a detector body gets: the window, what its loader read, the backend and a progress callback. */
export interface DetectContext<D> {
  store: CowrieStore;
  window: DetectionWindow;
  /** What the detector's loader read for the window (sessions, per-IP profiles, …). */
  data: D;
  backend: ComputeBackend;
  onProgress: ProgressFn;
}

/** Reads what one detector needs for a window (each reads only its own columns and tables). */
export type DetectLoader<D> = (store: CowrieStore, window: DetectionWindow, opts: { onProgress: ProgressFn }) => Promise<D>;

/** What a detector body returns: findings to store, params and stats for the run, and its own output. */
export interface DetectOutcome<T> {
  findings: Finding[];
  params: Record<string, unknown>;
  stats: Record<string, unknown>;
  output: T;
}

/**
 * The shared path of `cowrie detect …`: open the store (write access only with `--store`),
 * resolve the window (default: the 7 days ending at the newest event) and the backend (forced
 * with `--backend`, otherwise `prefer`), read the window with the detector's `load`, run the
 * detector, store the run when asked. Returns the detector's output, the window and the seconds taken.
 *
 * @example
 * ```ts
 * const r = await runDetector(io, opts, 'snowshoe', ['js'], (store, w, o) => loadIpProfiles(store, w, o), async (ctx) => { … });
 * ```
 */
export async function runDetector<D, T>(io: CliIo, opts: DetectOptions, detector: DetectorName, prefer: BackendName[], load: DetectLoader<D>,
  body: (ctx: DetectContext<D>) => Promise<DetectOutcome<T>>): Promise<{ output: T; findings: Finding[]; window: DetectionWindow; backend: string; seconds: number; runId: string | null }> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString().replace(/Z$/, '000Z');
  const bar = detectProgressBar(io, opts.progress !== false && !opts.json);
  try {
    return await withStore(io, opts, { access: opts.store ? 'write' : 'read', command: `detect ${detector}` }, async (store) => {
      const window = await resolveWindow(store, opts.since, opts.until, opts.sensor);
      const backend = await resolveBackend(opts.backend ? { forced: opts.backend } : { prefer });
      try {
        const data = await load(store, window, { onProgress: (p) => bar.update({ ...p, step: `load ${p.step}` }) });
        const out = await body({ store, window, data, backend, onProgress: bar.update });
        let runId: string | null = null;
        if (opts.store) runId = (await saveDetectionRun(store, { detector, window, backend: backend.name, params: out.params, stats: { ...out.stats, backendRuns: backend.runs }, startedAt }, out.findings)).runId;
        return { output: out.output, findings: out.findings, window, backend: backend.name, seconds: Math.round((performance.now() - t0) / 10) / 100, runId };
      } finally {
        await backend.dispose();
      }
    });
  } finally {
    bar.stop();
  }
}

/**
 * A progress bar for detector steps on a TTY (stderr), a no-op otherwise.
 *
 * @example
 * ```ts
 * const bar = detectProgressBar(io, true); bar.update({ step: 'grouping', processed: 1, total: 3 }); bar.stop();
 * ```
 */
export function detectProgressBar(io: CliIo, enabled: boolean): { update: ProgressFn; stop: () => void } {
  if (!enabled || !io.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar({ stream: io.stderr, format: '{bar} {value}/{total} | {step}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(p) {
      if (!started) {
        bar.start(Math.max(1, p.total), p.processed, { step: p.step });
        started = true;
      } else {
        bar.setTotal(Math.max(1, p.total));
        bar.update(p.processed, { step: p.step });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
