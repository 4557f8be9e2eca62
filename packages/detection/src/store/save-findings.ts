import { randomUUID } from 'node:crypto';
import type { CowrieStore } from '@cowrieprocessor/core';
import type { DetectionRunInfo, Finding } from '../types.js';

const nowIso = (): string => new Date().toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

/**
 * Store a completed detection run and its findings in one transaction, on either dialect.
 * Findings are upserted by id (derived from what binds them): a re-run that finds the same
 * thing updates `last_run_id`, score, span, evidence and `updated_at`, and replaces the
 * finding's IP and session links, instead of adding a duplicate.
 *
 * @example
 * ```ts
 * const { runId } = await saveDetectionRun(store, { detector: 'snowshoe', window, backend: 'js', params: {}, stats: {} }, campaigns);
 * ```
 */
export async function saveDetectionRun(store: CowrieStore, run: DetectionRunInfo & { startedAt?: string }, findings: Finding[]): Promise<{ runId: string }> {
  const runId = randomUUID();
  const now = nowIso();
  const chunk = Math.max(1, Math.floor(store.dialect.maxBindParameters / 8) - 1);
  await store.db.transaction().execute(async (tx) => {
    await tx.insertInto('detection_runs').values({
      id: runId, detector: run.detector, status: 'completed', started_at: run.startedAt ?? now, finished_at: now,
      window_since: run.window.since, window_until: run.window.until, sensor: run.window.sensor ?? null, backend: run.backend,
      params: JSON.stringify(run.params), stats: JSON.stringify(run.stats),
    }).execute();
    for (const [rank, f] of findings.entries()) {
      const row = {
        detector: f.detector, kind: f.kind, score: f.score, first_seen: f.firstSeen, last_seen: f.lastSeen, summary: f.summary,
        evidence: JSON.stringify(f.evidence), last_run_id: runId, updated_at: now,
      };
      await tx.insertInto('detection_findings').values({ id: f.id, ...row, first_run_id: runId, created_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
      await tx.insertInto('detection_run_findings').values({ run_id: runId, finding_id: f.id, score: f.score, rank: rank + 1 }).execute();
      await tx.deleteFrom('detection_finding_ips').where('finding_id', '=', f.id).execute();
      await tx.deleteFrom('detection_finding_sessions').where('finding_id', '=', f.id).execute();
      const ips = dedupe(f.ips.map((i) => ({ finding_id: f.id, src_ip: i.ip, sessions: i.sessions })), (r) => r.src_ip);
      for (let i = 0; i < ips.length; i += chunk) await tx.insertInto('detection_finding_ips').values(ips.slice(i, i + chunk)).execute();
      const sessions = dedupe(f.sessions.map((s) => ({ finding_id: f.id, sensor: s.sensor, session: s.session })), (r) => `${r.sensor}\u0000${r.session}`);
      for (let i = 0; i < sessions.length; i += chunk) await tx.insertInto('detection_finding_sessions').values(sessions.slice(i, i + chunk)).execute();
    }
  });
  return { runId };
}

function dedupe<T>(rows: T[], key: (r: T) => string): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(key(r)) && (seen.add(key(r)), true));
}
