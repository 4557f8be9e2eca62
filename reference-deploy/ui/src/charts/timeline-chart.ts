/**
 * A campaign's timeline: one row per member IP, one dot per session at its first event. Shows at
 * a glance whether the IPs took turns (snowshoe), fired together (botnet) or were one burst.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h } from '../dom.js';
import { autoWidth } from './auto-width.js';
import { utcTicks } from './utc-axis.js';

/** Sessions per IP: `ips[i]` owns the times in `times[i]` (ISO strings). */
export function timelineChart(ips: string[], times: string[][], testId = 'campaign-timeline'): HTMLElement {
  const dots = times.reduce((n, t) => n + t.length, 0);
  const box = h('div', { class: 'chart', 'data-testid': testId, 'data-points': dots });
  if (dots === 0) {
    box.append(h('p', { class: 'muted' }, 'no sessions of these IPs in the store'));
    return box;
  }
  // uPlot wants one shared x array: every session time, each series holding its row index
  // where it has a session and null elsewhere.
  const all = [...new Set(times.flat().map((t) => Date.parse(t) / 1000))].sort((a, b) => a - b);
  const at = new Map(all.map((x, i) => [x, i]));
  const series: (number | null)[][] = ips.map((_, row) => {
    const ys: (number | null)[] = new Array(all.length).fill(null);
    for (const t of times[row] ?? []) ys[at.get(Date.parse(t) / 1000)!] = row;
    return ys;
  });
  const opts: uPlot.Options = {
    width: 800,
    height: Math.max(160, 28 + ips.length * 16),
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    legend: { show: false },
    cursor: { drag: { x: true, y: false } },
    scales: { y: { range: [-0.5, ips.length - 0.5] } },
    series: [{}, ...ips.map((ip) => ({ label: ip, stroke: '#f59e0b', width: 0, points: { show: true, size: 7, fill: '#f59e0b', stroke: '#f59e0b' }, paths: () => null }))],
    axes: [
      { stroke: '#9aa4b2', grid: { stroke: '#2a3140' }, values: utcTicks, size: 44 },
      { stroke: '#9aa4b2', size: 120, grid: { stroke: '#2a3140' }, splits: () => ips.map((_, i) => i), values: (_u, splits) => splits.map((i) => ips[i] ?? '') },
    ],
  };
  autoWidth(box, new uPlot(opts, [all, ...series] as uPlot.AlignedData, box));
  return box;
}
