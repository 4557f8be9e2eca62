import type { Matrix } from '../compute/compute-backend.js';
import type { Scaling } from '../compute/standardize.js';
import { fitScaling } from '../compute/standardize.js';
import type { LongtailSession } from './longtail-session.js';
import { packFeatures, type FeatureRows } from '../features/feature-rows.js';
import { FEATURES, type FeatureSpec } from '../features/feature-spec.js';

/**
 * Window-relative features (computed per run, not cached: they depend on the other sessions).
 * Rarity of a fingerprint is −log2 of its share of the window's sessions.
 */
export const CONTEXT_FEATURES: readonly FeatureSpec[] = [
  { name: 'rareCommandShare', transform: 'identity', description: 'share of its command forms that are rare' },
  { name: 'novelSequenceShare', transform: 'identity', description: 'share of its command shingles absent from history' },
  { name: 'clientVersionRarity', transform: 'identity', description: '−log2 share of window sessions with its client version' },
  { name: 'hasshRarity', transform: 'identity', description: '−log2 share of window sessions with its HASSH' },
];

/** Every column of the scaled matrix, intrinsic then context. */
export const ALL_FEATURES: readonly FeatureSpec[] = [...FEATURES, ...CONTEXT_FEATURES];

/** A standardised value beyond this is clipped, so one extreme count cannot own the distance. */
export const Z_CLIP = 8;

/**
 * Robust scaling (median / IQR) that stays meaningful for zero-inflated columns: when most
 * sessions share one value (no commands, no downloads), the IQR is 0 and the standard deviation
 * is tiny, which would put every session that has the feature at the clip. Such a column is
 * scaled by the IQR of the values that differ from the median, but at least half the distance
 * from the median to their median: having the feature at its typical level costs about 2 units,
 * and the sessions that have it keep their spread among themselves.
 *
 * @example
 * ```ts
 * const scaling = zeroInflatedScaling(m);
 * const scaled = applyScaling(m, scaling);
 * ```
 */
export function zeroInflatedScaling(m: Matrix): Scaling {
  const s = fitScaling(m, 'robust');
  for (let j = 0; j < m.cols; j++) {
    // Typed-array sorts: numeric like the comparator sort, without a million boxed numbers.
    const column = new Float64Array(m.rows);
    for (let i = 0; i < m.rows; i++) column[i] = m.data[i * m.cols + j]!;
    column.sort();
    if (quantileOf(column, 0.75) - quantileOf(column, 0.25) > 0) continue;
    const c = s.center[j]!;
    const off = column.filter((v) => v !== c);
    const spread = quantileOf(off, 0.75) - quantileOf(off, 0.25);
    // Having the feature at its typical level costs about 2 units, whatever the spread among those that have it.
    const jump = Math.abs(quantileOf(off, 0.5) - c) / 2;
    const scale = Math.max(spread, jump);
    s.scale[j] = scale > 0 ? scale : 1;
  }
  return s;
}

/** Type-7 quantile of sorted values. */
function quantileOf(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * −log2 share of the sessions that carry the same value (null is a value of its own).
 *
 * @example
 * ```ts
 * fingerprintRarity(['a', 'a', 'b', null]); // Float64Array [1, 1, 2, 2]
 * ```
 */
export function fingerprintRarity(values: Array<string | null>): Float64Array {
  const counts = new Map<string | null, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return Float64Array.from(values, (v) => -Math.log2((counts.get(v) ?? 1) / values.length));
}

/**
 * The window-relative features of each session, in {@link CONTEXT_FEATURES} order.
 *
 * @example
 * ```ts
 * const ctx = contextFeatures(window, rareShare, novelShare); // [[rareCommandShare, novelSequenceShare, clientVersionRarity, hasshRarity], …]
 * ```
 */
export function contextFeatures(window: readonly LongtailSession[], rareShare: Float64Array, novelShare: Float64Array): number[][] {
  const packed = contextColumns(window, rareShare, novelShare);
  const c = CONTEXT_FEATURES.length;
  return window.map((_, i) => Array.from(packed.data.subarray(i * c, (i + 1) * c)));
}

/**
 * {@link contextFeatures} packed row-major (rows × {@link CONTEXT_FEATURES}), as the detector keeps them.
 *
 * @example
 * ```ts
 * const ctx = contextColumns(window, rareShare, novelShare); // { data: Float64Array, rows, cols: 4 }
 * ```
 */
export function contextColumns(window: readonly LongtailSession[], rareShare: Float64Array, novelShare: Float64Array): FeatureRows {
  const cv = fingerprintRarity(window.map((s) => s.clientVersion));
  const hassh = fingerprintRarity(window.map((s) => s.hassh));
  const cols = CONTEXT_FEATURES.length;
  const data = new Float64Array(window.length * cols);
  for (let i = 0; i < window.length; i++) {
    data[i * cols] = rareShare[i] ?? 0;
    data[i * cols + 1] = novelShare[i] ?? 0;
    data[i * cols + 2] = cv[i] ?? 0;
    data[i * cols + 3] = hassh[i] ?? 0;
  }
  return { data, rows: window.length, cols };
}

/**
 * The matrix the outlier score runs on: intrinsic features (`log1p` where {@link FEATURES}
 * says so) then context features, scaled by {@link zeroInflatedScaling} and clipped to
 * ±{@link Z_CLIP}. Takes rows or packed rows; scales in place, so the only copy of the window
 * is the float32 matrix it returns.
 *
 * @example
 * ```ts
 * const m = scaledFeatureMatrix(vectors, contextFeatures(window, rareShare, novelShare)); // cols = ALL_FEATURES.length
 * ```
 */
export function scaledFeatureMatrix(intrinsic: number[][] | FeatureRows, context: number[][] | FeatureRows): Matrix {
  const a = Array.isArray(intrinsic) ? packFeatures(intrinsic, FEATURES.length) : intrinsic;
  const b = Array.isArray(context) ? packFeatures(context, CONTEXT_FEATURES.length) : context;
  const cols = ALL_FEATURES.length;
  const rows = a.rows;
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const x = j < a.cols ? a.data[i * a.cols + j]! : i < b.rows ? b.data[i * b.cols + j - a.cols]! : 0;
      data[i * cols + j] = ALL_FEATURES[j]!.transform === 'log1p' ? Math.log1p(Math.max(0, x)) : x;
    }
  }
  const m: Matrix = { data, rows, cols };
  const s = zeroInflatedScaling(m);
  // What applyScaling then clipping computes, written over the input instead of into a copy.
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j]!;
      data[i * cols + j] = Number.isFinite(v) ? (v - s.center[j]!) / s.scale[j]! : 0;
    }
  }
  for (let i = 0; i < data.length; i++) data[i] = Math.max(-Z_CLIP, Math.min(Z_CLIP, data[i]!));
  return m;
}
