import type { Finding } from '../types.js';
import type { LongtailResult, SessionRef } from './longtail-types.js';

function span(refs: SessionRef[]): { firstSeen: string | null; lastSeen: string | null } {
  let firstSeen: string | null = null;
  let lastSeen: string | null = null;
  for (const r of refs) {
    if (r.firstTs === null) continue;
    if (firstSeen === null || r.firstTs < firstSeen) firstSeen = r.firstTs;
    if (lastSeen === null || r.firstTs > lastSeen) lastSeen = r.firstTs;
  }
  return { firstSeen, lastSeen };
}

function links(refs: SessionRef[]): Pick<Finding, 'ips' | 'sessions'> {
  const ips = new Map<string, number>();
  for (const r of refs) if (r.srcIp) ips.set(r.srcIp, (ips.get(r.srcIp) ?? 0) + 1);
  return {
    ips: [...ips].map(([ip, sessions]) => ({ ip, sessions })),
    sessions: refs.map((r) => ({ sensor: r.sensor, session: r.session })),
  };
}

const clip = (s: string, n = 120) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/**
 * The longtail result as shared {@link Finding}s for `saveDetectionRun`: kinds `rare_command`,
 * `novel_sequence`, `anomalous_session`, `high_entropy` and `emerging`, with ids that only
 * depend on what binds them (the command form, the sequence, the session key, …).
 *
 * @example
 * ```ts
 * await saveDetectionRun(store, run, longtailFindings(result));
 * ```
 */
export function longtailFindings(r: LongtailResult): Finding[] {
  const out: Finding[] = [];
  const base = { detector: 'longtail' as const };
  for (const c of r.rareCommands) {
    out.push({ ...base, id: c.id, kind: 'rare_command', score: c.score, ...span(c.sessionRefs), summary: `rare command: ${clip(c.command)}`,
      evidence: { command: c.command, count: c.count, sessions: c.sessions, historySessions: c.historySessions, examples: c.examples, reasons: c.reasons }, ...links(c.sessionRefs) });
  }
  for (const s of r.novelSequences) {
    out.push({ ...base, id: s.id, kind: 'novel_sequence', score: s.score, ...span(s.sessionRefs), summary: `novel sequence: ${clip(s.sequence.join(' ⏎ '))}`,
      evidence: { sequence: s.sequence, sessions: s.sessions, examples: s.examples, reasons: s.reasons }, ...links(s.sessionRefs) });
  }
  for (const a of r.anomalousSessions) {
    const ref: SessionRef = { sensor: a.sensor, session: a.session, srcIp: a.srcIp, firstTs: a.firstTs };
    out.push({ ...base, id: a.id, kind: 'anomalous_session', score: a.score, ...span([ref]), summary: `anomalous session ${a.sensor}/${a.session}`,
      evidence: { reasons: a.reasons }, ...links([ref]) });
  }
  for (const h of r.highEntropy) {
    out.push({ ...base, id: h.id, kind: 'high_entropy', score: h.score, ...span(h.sessionRefs), summary: `${h.encoding} payload (${h.length} chars): ${clip(h.command)}`,
      evidence: { command: h.command, encoding: h.encoding, length: h.length, entropy: h.entropy, count: h.count, examples: h.examples, reasons: h.reasons }, ...links(h.sessionRefs) });
  }
  for (const e of r.emerging) {
    out.push({ ...base, id: e.id, kind: 'emerging', score: e.score, ...span(e.sessionRefs), summary: `emerging ${e.kind}: ${clip(e.value)}`,
      evidence: { kind: e.kind, value: e.value, sessions: e.sessions, historySessions: e.historySessions, ratio: e.ratio, z: e.z, reasons: e.reasons }, ...links(e.sessionRefs) });
  }
  return out;
}
