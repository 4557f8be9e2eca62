import type { ComputeBackend } from '../compute/compute-backend.js';
import type { SessionRecord } from '../data/session-record.js';
import { extractFeatures } from '../features/extract-features.js';
import { FeatureRowsBuilder, packFeatures, type FeatureRows } from '../features/feature-rows.js';
import { FEATURES } from '../features/feature-spec.js';
import type { ProgressFn } from '../types.js';
import { findAnomalousSessions } from './anomalous-sessions.js';
import { buildCommandIndex } from './command-index.js';
import { findEmerging } from './emerging.js';
import { contextColumns, scaledFeatureMatrix } from './feature-matrix.js';
import { findHighEntropy } from './high-entropy.js';
import type { LongtailSession } from './longtail-session.js';
import { DEFAULT_LONGTAIL_PARAMS, type LongtailParams, type LongtailResult } from './longtail-types.js';
import { findNovelSequences } from './novel-sequences.js';
import { findRareCommands } from './rare-commands.js';

/** What {@link detectLongtail} works on: plain data, so it runs in a browser too. */
export interface LongtailInput {
  /**
   * Sessions of the window: full records, or {@link LongtailSession}s (what `loadLongtailWindow`
   * keeps) together with `features`.
   */
  window: readonly LongtailSession[];
  /** Sessions of the baseline (history) window before it; may be empty. */
  history: readonly LongtailSession[];
  /** Intrinsic feature vectors aligned with `window` (from the cache, or packed); extracted from full records when absent. */
  features?: number[][] | FeatureRows;
  backend: ComputeBackend;
  params?: Partial<LongtailParams>;
  onProgress?: ProgressFn;
  /** Counts for the stats when features came from a cache. */
  featureCounts?: { extracted: number; reused: number };
}

/**
 * The longtail detector: rare command forms, novel command sequences, outlier sessions on
 * scaled behavioural features (k-distance through the compute port), high-entropy payloads and
 * emerging patterns, each ranked with reasons. Pure: no store, no Node.
 *
 * @example
 * ```ts
 * const backend = await resolveBackend();
 * const r = await detectLongtail({ window: sessions, history: baseline, backend });
 * r.anomalousSessions[0]; // { sensor, session, score, reasons }
 * ```
 */
export async function detectLongtail(input: LongtailInput): Promise<LongtailResult> {
  const started = now();
  const p: LongtailParams = { ...DEFAULT_LONGTAIL_PARAMS, ...input.params };
  const { window, history } = input;
  const progress = input.onProgress ?? (() => undefined);
  const total = 6;
  progress({ step: 'commands', processed: 0, total });
  const idx = buildCommandIndex(window, history);
  const { rare, threshold, rareForms } = findRareCommands(window, idx, p);
  progress({ step: 'sequences', processed: 1, total });
  const novel = findNovelSequences(window, idx, p);
  progress({ step: 'entropy', processed: 2, total });
  const highEntropy = findHighEntropy(window, idx, p);
  progress({ step: 'emerging', processed: 3, total });
  const emerging = findEmerging(window, history, idx, p);
  progress({ step: 'features', processed: 4, total });
  const raw = intrinsicRows(window, input.features);
  const rareShare = Float64Array.from(idx.forms, (fs) => {
    const distinct = new Set(fs);
    let n = 0;
    for (const f of distinct) if (rareForms.has(f)) n++;
    return distinct.size > 0 ? n / distinct.size : 0;
  });
  const novelty = Float64Array.from(rareShare, (r, i) => (r + novel.novelShare[i]!) / 2);
  const context = contextColumns(window, rareShare, novel.novelShare);
  const scaled = scaledFeatureMatrix(raw, context);
  // Only the reported sessions' raw rows are ever read: built on demand, not one array per session.
  const rawRow = (i: number) => [...raw.data.subarray(i * raw.cols, (i + 1) * raw.cols), ...context.data.subarray(i * context.cols, (i + 1) * context.cols)];
  progress({ step: 'outliers', processed: 5, total });
  const anomalousSessions = await findAnomalousSessions(input.backend, window, scaled, rawRow, novelty, p);
  progress({ step: 'outliers', processed: 6, total });
  const notes: string[] = [];
  if (idx.historyWithCommands === 0) notes.push('no history sessions with commands: novel sequences are relative to the window only, emerging commands need a baseline');
  if (threshold.missingMass > 0.2) notes.push(`Good–Turing missing mass ${threshold.missingMass.toFixed(2)}: one-off command forms are common, so a single sighting means less`);
  return {
    rareCommands: rare,
    anomalousSessions,
    novelSequences: novel.sequences,
    highEntropy,
    emerging,
    stats: {
      sessions: window.length,
      historySessions: history.length,
      sessionsWithCommands: idx.windowWithCommands,
      commandForms: idx.windowSessions.size,
      missingMass: Math.round(threshold.missingMass * 10000) / 10000,
      rareThreshold: threshold.k,
      featuresExtracted: input.featureCounts?.extracted ?? (input.features ? 0 : window.length),
      featuresReused: input.featureCounts?.reused ?? (input.features ? window.length : 0),
      backend: input.backend.name,
      notes,
    },
    seconds: Math.round((now() - started) / 10) / 100,
  };
}

/** The window's intrinsic vectors, packed: given, or extracted from full records. */
function intrinsicRows(window: readonly LongtailSession[], given: number[][] | FeatureRows | undefined): FeatureRows {
  if (given) return Array.isArray(given) ? packFeatures(given, FEATURES.length) : given;
  const out = new FeatureRowsBuilder(FEATURES.length, window.length);
  for (const s of window) {
    if (!('eventCount' in s)) throw new TypeError('detectLongtail: slim sessions need their `features`');
    out.push(extractFeatures(s as SessionRecord));
  }
  return out.build();
}

const now = () => globalThis.performance.now();
