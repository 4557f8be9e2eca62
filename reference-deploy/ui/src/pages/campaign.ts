/**
 * One finding: its score and reasons, member IPs, the evidence as stored, and a timeline of the
 * member IPs' sessions. The list endpoint is the only source of findings, so the page pages
 * through its detector's findings until it meets the id.
 */
import { apiGet } from '../api.js';
import { timelineChart } from '../charts/timeline-chart.js';
import { dataTable } from '../components/data-table.js';
import { statCards } from '../components/stat-cards.js';
import { h, panel, replace } from '../dom.js';
import { num, score, utc } from '../format.js';
import type { Detection, SessionRow } from '../types.js';

/** Render finding `id` of `detector`. */
export async function campaignPage(root: HTMLElement, detector: string, id: string): Promise<void> {
  const d = await findById(detector, id);
  const ips = d.ips.slice(0, 40);
  const sessions = await Promise.all(ips.map((x) => apiGet<SessionRow[]>('/api/v1/sessions', { srcIp: x.ip, limit: 200 }).then((r) => r.data)));
  const reasons = d.evidence.reasons ?? [];
  const { reasons: _omit, ...rest } = d.evidence;
  replace(root,
    h('p', {}, h('a', { href: `#/detections?detector=${d.detector}` }, `← ${d.detector} findings`)),
    h('h1', { 'data-testid': 'campaign-title' }, d.summary),
    statCards([['score', score(d.score)], ['IPs', d.ipCount], ['sessions', d.sessionCount], ['first seen', utc(d.firstSeen)], ['last seen', utc(d.lastSeen)]], 'campaign-stats'),
    reasons.length ? panel('Why', h('ul', { class: 'reasons', 'data-testid': 'campaign-reasons' }, ...reasons.map((r) => h('li', {}, r)))) : null,
    panel(`Timeline: sessions of ${ips.length === d.ipCount ? 'its' : `${ips.length} of its ${d.ipCount}`} IPs`, timelineChart(ips.map((x) => x.ip), sessions.map((ss) => ss.map((s) => s.firstTs).filter((t): t is string => !!t)))),
    h('div', { class: 'grid2' },
      panel('Member IPs', dataTable(d.ips, [
        { title: 'IP', cell: (x) => h('a', { href: `#/detections?ip=${encodeURIComponent(x.ip)}` }, x.ip) },
        { title: 'sessions in finding', cell: (x) => num(x.sessions), num: true },
      ], { testId: 'campaign-ips' })),
      panel('Evidence', h('pre', { class: 'json', 'data-testid': 'campaign-evidence' }, JSON.stringify(rest, null, 2)))),
    h('p', { class: 'muted' }, `finding ${d.id}, last stored by run ${d.lastRunId} at ${utc(d.updatedAt)}`),
  );
}

async function findById(detector: string, id: string): Promise<Detection> {
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const r = await apiGet<Detection[]>('/api/v1/detections', { detector, limit: 200, cursor });
    const hit = r.data.find((x) => x.id === id);
    if (hit) return hit;
    if (!r.meta.next) break;
    cursor = r.meta.next;
  }
  throw new Error(`no ${detector} finding ${id} (it may have been replaced by a newer run)`);
}
