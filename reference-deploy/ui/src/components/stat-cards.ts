/** The row of headline numbers on top of a page. */
import { h } from '../dom.js';
import { num } from '../format.js';

/** Cards of `[label, value]`. */
export function statCards(items: Array<[string, number | string | null]>, testId = 'stats'): HTMLElement {
  return h('div', { class: 'cards', 'data-testid': testId },
    ...items.map(([label, value]) => h('div', { class: 'card' },
      h('div', { class: 'card-value' }, typeof value === 'string' ? value : num(value)),
      h('div', { class: 'card-label' }, label))));
}
