/**
 * A tiny element builder: the dashboard has a dozen views, not enough to justify a framework.
 * Children are text (escaped by the DOM, never parsed as HTML) or nodes.
 */
export type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

/**
 * Create an element; `on*` attributes with a function become listeners, `false`/`null` skip.
 *
 * @example
 * ```ts
 * h('a', { href: '#/jobs', class: 'nav' }, 'Jobs');
 * ```
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/** Append children (skipping empty ones). */
export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'number' ? String(c) : c);
  }
}

/** Replace everything inside `el`. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A titled panel (the page's building block). */
export function panel(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'panel' }, h('h2', {}, title), ...children);
}

/** An error box with the API's message. */
export function errorBox(err: unknown): HTMLElement {
  return h('div', { class: 'error', role: 'alert' }, err instanceof Error ? err.message : String(err));
}
