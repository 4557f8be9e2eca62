import type { ComputeBackend, Matrix } from '../compute/compute-backend.js';
import { findingId } from '../data/stable-id.js';
import type { LongtailSession } from './longtail-session.js';
import { ALL_FEATURES } from './feature-matrix.js';
import { kDistanceScores } from './knn-outliers.js';
import type { AnomalousSession, LongtailParams } from './longtail-types.js';

/**
 * The reasons of one outlier: its most extreme standardised features (|z| ≥ 2, at most `max`),
 * with raw values.
 *
 * @example
 * ```ts
 * describeOutlier(scaled, rawRow, 17); // ['commandCount 57 (high, robust z 6.2)', 'telnet 1 (high, robust z 3.0)']
 * ```
 */
export function describeOutlier(scaled: Matrix, raw: ArrayLike<number>, row: number, max = 3): string[] {
  const z = Array.from(scaled.data.subarray(row * scaled.cols, (row + 1) * scaled.cols));
  return z
    .map((v, j) => ({ j, v }))
    .filter((e) => Math.abs(e.v) >= 2)
    .sort((a, b) => Math.abs(b.v) - Math.abs(a.v) || a.j - b.j)
    .slice(0, max)
    .map(({ j, v }) => `${ALL_FEATURES[j]!.name} ${fmt(raw[j] ?? 0)} (${v > 0 ? 'high' : 'low'}, robust z ${v.toFixed(1)})`);
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

/**
 * Outlier sessions of the window, highest score first. The score is behavioural outlierness
 * times content novelty: the k-distance of the session on the scaled feature matrix
 * ({@link kDistanceScores}) × (1 + its novelty), novelty being the mean of its rare-command
 * share and novel-sequence share (0 to 1). So a session whose behaviour is unusual *and* whose
 * commands were never seen before ranks above one that is only unusual in volume (a long
 * password list), and counts of one kind (commands, unique commands, commands per minute,
 * which move together) cannot outweigh never-seen content. Reasons name the features that set
 * it apart. Sessions with k or more identical twins (distance 0) are never reported.
 * `raw` gives each session's unscaled row for the reasons: an array per session, or a function
 * of the row index (the detector builds only the reported rows).
 *
 * @example
 * ```ts
 * const top = await findAnomalousSessions(backend, window, scaled, rawRows, novelty, DEFAULT_LONGTAIL_PARAMS);
 * top[0]; // { sensor, session, score: 9.7, reasons: ['novelSequenceShare 1 (high, robust z 2.0)', …] }
 * ```
 */
export async function findAnomalousSessions(
  backend: ComputeBackend,
  window: readonly LongtailSession[],
  scaled: Matrix,
  raw: ReadonlyArray<ArrayLike<number>> | ((row: number) => ArrayLike<number>),
  novelty: Float64Array,
  p: LongtailParams,
): Promise<AnomalousSession[]> {
  if (window.length === 0) return [];
  const distance = await kDistanceScores(backend, scaled, p.k, p.referenceSize);
  const scores = Float64Array.from(distance, (d, i) => d * (1 + (novelty[i] ?? 0)));
  const order = Array.from(scores.keys()).filter((i) => scores[i]! > 0);
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return order.slice(0, p.topSessions).map((i) => {
    const s = window[i]!;
    const reasons = describeOutlier(scaled, (typeof raw === 'function' ? raw(i) : raw[i]) ?? [], i);
    if ((novelty[i] ?? 0) > 0) reasons.unshift(`never-seen content: ${Math.round(novelty[i]! * 100)} % (mean of rare-command and novel-sequence shares)`);
    reasons.push(`distance ${distance[i]!.toFixed(2)} to its ${p.k} nearest sessions (scaled features)`);
    return {
      id: findingId('longtail', 'anomalous_session', `${s.sensor}/${s.session}`),
      sensor: s.sensor, session: s.session, srcIp: s.srcIp, firstTs: s.firstTs,
      score: Math.round(scores[i]! * 1000) / 1000,
      reasons,
    };
  });
}
