/**
 * Detections: the stored findings (snowshoe and botnet campaigns, longtail oddities), highest
 * score first, filtered by detector or member IP; each links to its campaign page.
 */
import { apiGet } from '../api.js';
import { dataTable } from '../components/data-table.js';
import { h, panel, replace } from '../dom.js';
import { clip, num, score, utc } from '../format.js';
import type { Detection } from '../types.js';

const DETECTORS = ['snowshoe', 'botnet', 'longtail'] as const;

/** Render the list for the hash's `detector` / `ip` filters. */
export async function detectionsPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const detector = params.get('detector') ?? '';
  const ip = params.get('ip') ?? '';
  const { data } = await apiGet<Detection[]>('/api/v1/detections', { detector, ip, limit: 200 });
  const filters = h('nav', { class: 'filters' },
    ...['', ...DETECTORS].map((d) => h('a', { href: `#/detections${d ? `?detector=${d}` : ''}`, class: d === detector ? 'chip active' : 'chip' }, d || 'all')),
    ip ? h('span', { class: 'chip active' }, `IP ${ip}`) : null);
  const campaigns = data.filter((d) => d.kind === 'campaign' || d.detector === 'botnet').length;
  replace(root,
    h('h1', {}, 'Detections'),
    filters,
    h('p', { class: 'muted' }, `${num(data.length)} findings, ${num(campaigns)} of them campaigns`),
    panel('Findings', dataTable(data, [
      { title: 'score', cell: (d) => score(d.score), num: true },
      { title: 'detector', cell: (d) => h('span', { class: `badge ${d.detector}` }, d.detector) },
      { title: 'kind', cell: (d) => d.kind },
      { title: 'summary', cell: (d) => h('a', { href: `#/detections/${d.detector}/${encodeURIComponent(d.id)}`, title: d.summary }, clip(d.summary, 90)) },
      { title: 'IPs', cell: (d) => num(d.ipCount), num: true },
      { title: 'sessions', cell: (d) => num(d.sessionCount), num: true },
      { title: 'active', cell: (d) => `${utc(d.firstSeen)} → ${utc(d.lastSeen)}` },
    ], { testId: 'detections-table', empty: 'no findings: run "cowrie detect snowshoe --store" or submit a detection job' })));
}
