import { asIsoTime, asNumber, asObject, asString, asStringList, dig } from '../coerce.js';
import type { FileReport, RawAnswer } from '../types.js';

/**
 * Raw VirusTotal answer -> {@link FileReport}. Accepts the v3 body `{"data":{"attributes":…}}`,
 * the predecessor's `vt_<hash>.json` files written through vt-py (every dict wrapped as
 * `{"_on_change_callback":{},"data":{…}}`, dates as `"2023-02-28 16:00:00+00:00"`), and the
 * unknown-file forms (`not_found`, VT's `NotFoundError` envelope, the legacy `{"error":"not_found"}`).
 *
 * @example
 * ```ts
 * normalizeVirusTotal(sha, { status: 'found', raw: { data: { attributes: { last_analysis_stats: { malicious: 38 } } } } }).maliciousCount; // 38
 * ```
 */
export function normalizeVirusTotal(subject: string, answer: RawAnswer): FileReport {
  const raw = unwrapVtPy(answer.raw);
  const attrs = asObject(dig(raw, 'data', 'attributes'));
  const sha256 = (asString(attrs?.sha256) ?? asString(dig(raw, 'data', 'id')) ?? subject).toLowerCase();
  if (answer.status === 'not_found' || !attrs) return unknownFile(sha256);
  const stats = asObject(attrs.last_analysis_stats) ?? {};
  return {
    sha256,
    known: true,
    maliciousCount: asNumber(stats.malicious) ?? 0,
    suspiciousCount: asNumber(stats.suspicious) ?? 0,
    harmlessCount: asNumber(stats.harmless) ?? 0,
    undetectedCount: asNumber(stats.undetected) ?? 0,
    typeDescription: asString(attrs.type_description),
    names: asStringList(attrs.names),
    firstSubmission: asIsoTime(attrs.first_submission_date),
    lastAnalysis: asIsoTime(attrs.last_analysis_date),
    popularThreatLabel: asString(dig(attrs, 'popular_threat_classification', 'suggested_threat_label')),
  };
}

function unknownFile(sha256: string): FileReport {
  return {
    sha256, known: false, maliciousCount: 0, suspiciousCount: 0, harmlessCount: 0, undetectedCount: 0,
    typeDescription: null, names: [], firstSubmission: null, lastAnalysis: null, popularThreatLabel: null,
  };
}

/**
 * Undo vt-py's `UserDict` serialisation: `{"_on_change_callback": …, "data": X}` -> X, at any
 * depth (the predecessor's `serialize_value` wrote every nested dict that way).
 */
export function unwrapVtPy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unwrapVtPy);
  const o = asObject(v);
  if (!o) return v;
  const keys = Object.keys(o);
  if (keys.length === 2 && '_on_change_callback' in o && 'data' in o) return unwrapVtPy(o.data);
  return Object.fromEntries(keys.map((k) => [k, unwrapVtPy(o[k])]));
}
