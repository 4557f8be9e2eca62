/** A plain table from column definitions (header text plus a cell renderer). */
import { h, type Child } from '../dom.js';

/** One column: its header and how a row fills it. */
export interface Column<T> {
  title: string;
  cell: (row: T) => Child;
  /** Right-align (numbers). */
  num?: boolean;
}

/** The table, or an "empty" line when there are no rows. */
export function dataTable<T>(rows: T[], columns: Column<T>[], opts: { testId?: string; empty?: string } = {}): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'muted', 'data-testid': opts.testId }, opts.empty ?? 'nothing to show');
  return h('table', { class: 'data', 'data-testid': opts.testId },
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { class: c.num ? 'num' : null }, c.title)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...columns.map((c) => h('td', { class: c.num ? 'num' : null }, c.cell(r)))))));
}
