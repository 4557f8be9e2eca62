/**
 * A top-N list drawn as horizontal bars (value, bar proportional to the largest count, count):
 * easier to compare at a glance than a column of numbers, and it needs no chart library.
 */
import { h } from '../dom.js';
import { clip, num } from '../format.js';

/** One row: what to show, its count, and an optional link and tooltip. */
export interface BarRow {
  label: string;
  count: number;
  href?: string;
  title?: string;
}

/** The bar list, or an "empty" line when there is nothing. */
export function topList(rows: BarRow[], opts: { testId?: string; empty?: string } = {}): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'muted', 'data-testid': opts.testId }, opts.empty ?? 'nothing in this window');
  const max = Math.max(1, ...rows.map((r) => r.count));
  return h('ol', { class: 'bars', 'data-testid': opts.testId },
    ...rows.map((r) => h('li', { title: r.title ?? r.label },
      h('span', { class: 'bar-label' }, r.href ? h('a', { href: r.href }, clip(r.label, 60)) : clip(r.label, 60)),
      h('span', { class: 'bar-track' }, h('span', { class: 'bar-fill', style: `width:${((r.count / max) * 100).toFixed(1)}%` })),
      h('span', { class: 'bar-count' }, num(r.count)))));
}
