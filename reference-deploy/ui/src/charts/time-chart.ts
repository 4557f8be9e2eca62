/**
 * Events and sessions over time (uPlot): two series on separate axes, since events outnumber
 * sessions by an order of magnitude and one axis would flatten the sessions line.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h } from '../dom.js';
import type { TimePoint } from '../types.js';
import { autoWidth } from './auto-width.js';
import { utcTicks } from './utc-axis.js';

/** A chart of `points` (oldest first), sized to its container. */
export function timeChart(points: TimePoint[], testId = 'timeseries-chart'): HTMLElement {
  const box = h('div', { class: 'chart', 'data-testid': testId, 'data-points': points.length });
  if (points.length === 0) {
    box.append(h('p', { class: 'muted' }, 'no events in this window'));
    return box;
  }
  const xs = points.map((p) => Date.parse(p.bucket) / 1000);
  const data: uPlot.AlignedData = [xs, points.map((p) => p.events), points.map((p) => p.sessions)];
  const opts: uPlot.Options = {
    width: 800,
    height: 260,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    series: [
      { label: 'UTC' },
      { label: 'events', stroke: '#3b82f6', fill: 'rgba(59,130,246,0.12)', width: 2, scale: 'events' },
      { label: 'sessions', stroke: '#f59e0b', width: 2, scale: 'sessions' },
    ],
    axes: [
      { stroke: '#9aa4b2', grid: { stroke: '#2a3140' }, values: utcTicks, size: 44 },
      { scale: 'events', label: 'events', stroke: '#9aa4b2', grid: { stroke: '#2a3140' } },
      { scale: 'sessions', label: 'sessions', side: 1, stroke: '#9aa4b2', grid: { show: false } },
    ],
  };
  autoWidth(box, new uPlot(opts, data, box));
  return box;
}
