import type { CowrieStore } from '@cowrieprocessor/core';
import type { ComputeBackend } from '../compute/compute-backend.js';
import { addMs } from '../data/resolve-window.js';
import type { DetectionWindow } from '../data/session-record.js';
import { saveDetectionRun } from '../store/save-findings.js';
import type { ProgressFn } from '../types.js';
import { detectLongtail } from './detect-longtail.js';
import { loadLongtailHistory, loadLongtailWindow } from '../data/load-longtail.js';
import { DEFAULT_LONGTAIL_PARAMS, type LongtailParams, type LongtailResult } from './longtail-types.js';
import { longtailFindings } from './to-findings.js';

/** Options of {@link runLongtail}. */
export interface RunLongtailOptions {
  backend: ComputeBackend;
  params?: Partial<LongtailParams>;
  /** Length of the baseline (history) window before `since`, in days (default 28). */
  baselineDays?: number;
  /** Use and fill the session feature cache (default true; needs a writable store). */
  cache?: boolean;
  /** Store the run and its findings (default false). */
  store?: boolean;
  onProgress?: ProgressFn;
}

/** A longtail run over the store: the result, plus the run id when stored. */
export interface LongtailRun extends LongtailResult {
  window: DetectionWindow;
  baseline: { since: string; until: string };
  runId?: string;
}

/**
 * The whole longtail command over a store: load the window's sessions and the baseline's
 * (`baselineDays` before `since`), take feature vectors through the session feature cache,
 * detect, and optionally store the run and its findings. `seconds` covers all of it.
 *
 * @example
 * ```ts
 * const window = await resolveWindow(store);
 * const run = await runLongtail(store, window, { backend: await resolveBackend(), store: true });
 * ```
 */
export async function runLongtail(store: CowrieStore, window: DetectionWindow, opts: RunLongtailOptions): Promise<LongtailRun> {
  const started = performance.now();
  const progress = opts.onProgress ?? (() => undefined);
  const baselineDays = opts.baselineDays ?? 28;
  const baseline = { since: addMs(window.since, -baselineDays * 24 * 3600 * 1000), until: window.since };
  // Page by page, keeping slim sessions and packed features: full records of a large window
  // (and the rows they are read from) were most of the run's memory.
  const data = await loadLongtailWindow(store, window, { cache: opts.cache !== false, onProgress: (p) => progress({ ...p, step: `load ${p.step}` }) });
  const history = baselineDays > 0 ? await loadLongtailHistory(store, { ...baseline, sensor: window.sensor }, { onProgress: (p) => progress({ ...p, step: `baseline ${p.step}` }) }) : [];
  const result = await detectLongtail({
    window: data.sessions, history, backend: opts.backend, params: opts.params, onProgress: progress,
    features: data.features, featureCounts: { extracted: data.extracted, reused: data.reused },
  });
  let runId: string | undefined;
  if (opts.store) {
    const params = { ...DEFAULT_LONGTAIL_PARAMS, ...opts.params, baselineDays };
    runId = (await saveDetectionRun(store, { detector: 'longtail', window, backend: opts.backend.name, params, stats: { ...result.stats } }, longtailFindings(result))).runId;
  }
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  return { ...result, window, baseline, seconds, ...(runId ? { runId } : {}) };
}
