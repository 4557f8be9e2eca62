/**
 * @module One shape for findings whether they were computed now (detection's `Finding`, with every
 * IP and session) or read back from storage (the API's finding, with counts and top IPs), plus the
 * short text a model reads first.
 */
import type { Finding } from '@cowrieprocessor/detection';
import type { Finding as StoredFinding } from '../api/queries/detections.js';
import type { DetectResult, FindingView } from './mcp-backend.js';

const IPS_PER_FINDING = 20;

function reasonsOf(evidence: unknown, summary: string): string[] {
  const r = (evidence as { reasons?: unknown } | null)?.reasons;
  const list = Array.isArray(r) ? r.filter((x): x is string => typeof x === 'string') : [];
  return list.length > 0 ? list : [summary];
}

/**
 * A computed finding as the tools show it.
 *
 * @example
 * ```ts
 * const views = detectSnowshoe(sessions).campaigns.map(fromComputed);
 * ```
 */
export function fromComputed(f: Finding): FindingView {
  const ips = [...f.ips].sort((a, b) => b.sessions - a.sessions || (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
  return {
    id: f.id, detector: f.detector, kind: f.kind, score: f.score, firstSeen: f.firstSeen, lastSeen: f.lastSeen, summary: f.summary,
    reasons: reasonsOf(f.evidence, f.summary), evidence: f.evidence, ipCount: ips.length, sessionCount: f.sessions.length,
    ips: ips.slice(0, IPS_PER_FINDING),
  };
}

/**
 * A stored finding (from `/api/v1/detections` or the same query) as the tools show it.
 *
 * @example
 * ```ts
 * const views = (await listFindings(store, { detector: 'botnet' }, 0, 10)).map(fromStored);
 * ```
 */
export function fromStored(f: StoredFinding): FindingView {
  return {
    id: f.id, detector: f.detector, kind: f.kind, score: f.score, firstSeen: f.firstSeen, lastSeen: f.lastSeen, summary: f.summary,
    reasons: reasonsOf(f.evidence, f.summary), evidence: f.evidence, ipCount: f.ipCount, sessionCount: f.sessionCount,
    ips: f.ips.slice(0, IPS_PER_FINDING),
  };
}

/**
 * The text beside a detect result: how many, over which window, and each finding of the page
 * with its reasons (the explanation a reader wants before the JSON).
 *
 * @example
 * ```ts
 * explainFindings(result); // 'snowshoe: 1 finding (computed) over 2025-12-01… → …\n#1 score 0.93 …'
 * ```
 */
export function explainFindings(r: DetectResult): string {
  const w = `${r.window.since ?? 'the beginning'} → ${r.window.until ?? 'now'}${r.window.sensor ? `, sensor ${r.window.sensor}` : ''}`;
  const total = r.total ?? r.findings.length;
  const head = `${r.detector}: ${total} finding${total === 1 ? '' : 's'} (${r.source === 'computed' ? 'computed now' : 'stored by earlier runs'}) over ${w}`;
  const lines = r.findings.map((f, i) => {
    const why = f.reasons.slice(0, 3).map((x) => `    - ${x}`).join('\n');
    return `#${i + 1} ${f.kind} score ${f.score.toFixed(3)}: ${f.ipCount} IPs, ${f.sessionCount} sessions, ${f.firstSeen ?? '?'} → ${f.lastSeen ?? '?'} (${f.id})\n    ${f.summary}${why ? `\n${why}` : ''}`;
  });
  return [head, ...lines, ...(r.nextCursor ? ['(more: call again with nextCursor)'] : [])].join('\n');
}
