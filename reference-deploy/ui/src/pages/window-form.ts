/**
 * The time window of a page (`since` / `until`, half-open, UTC), kept in the URL hash so a view
 * can be bookmarked and reloaded.
 */
import { h } from '../dom.js';

/** A window; empty means all data. */
export interface Window {
  since?: string;
  until?: string;
}

/** Window from the hash's query part. */
export function windowOf(params: URLSearchParams): Window {
  return { since: params.get('since') ?? undefined, until: params.get('until') ?? undefined };
}

/** The since/until form; submitting navigates to `base?since=…&until=…`. */
export function windowForm(win: Window, base: string): HTMLElement {
  const since = h('input', { name: 'since', placeholder: 'since (e.g. 2025-12-01)', value: win.since ?? '', size: 22 });
  const until = h('input', { name: 'until', placeholder: 'until (exclusive)', value: win.until ?? '', size: 22 });
  return h('form', {
    class: 'window',
    onsubmit: (e: Event) => {
      e.preventDefault();
      const q = new URLSearchParams();
      if (since.value.trim()) q.set('since', since.value.trim());
      if (until.value.trim()) q.set('until', until.value.trim());
      location.hash = q.size ? `${base}?${q}` : base;
    },
  }, since, until, h('button', { type: 'submit' }, 'Apply'), h('span', { class: 'muted' }, 'UTC; empty = all data'));
}
