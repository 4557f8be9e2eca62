/**
 * The dashboard's entry: ask for a key unless the API is open, draw the menu, render the page
 * of the hash, and re-render on every hash change. A 401 (key revoked or wrong) brings the key
 * prompt back; any other error is shown in place of the page.
 */
import './styles.css';
import { ApiHttpError } from './api.js';
import { errorBox, h, replace } from './dom.js';
import { clearKey, getKey } from './key-store.js';
import { askForKey, openWithoutKey } from './pages/key-gate.js';
import { NAV, route } from './router.js';

const root = document.getElementById('app')!;
const nav = document.getElementById('nav')!;
const who = document.getElementById('who')!;
let seq = 0;

async function render(): Promise<void> {
  const mine = ++seq;
  const hash = location.hash || '#/overview';
  for (const a of nav.querySelectorAll('a')) a.classList.toggle('active', hash.startsWith(a.getAttribute('href')!));
  root.dataset.loading = 'true';
  try {
    // Render off-page and swap in only if no newer navigation started meanwhile.
    const view = h('div', { class: 'view' });
    await route(hash, view);
    if (mine === seq) replace(root, view);
  } catch (err) {
    if (mine !== seq) return;
    if (err instanceof ApiHttpError && err.status === 401) {
      clearKey();
      await askForKey(root, 'Your key was not accepted; enter it again.');
      return render();
    }
    replace(root, errorBox(err instanceof ApiHttpError && err.status === 403 ? new Error(`${err.message}: this page needs a key with the jobs scope`) : err));
  } finally {
    if (mine === seq) root.dataset.loading = 'false';
  }
}

async function start(): Promise<void> {
  if (!getKey() && !(await openWithoutKey())) await askForKey(root);
  replace(nav, ...NAV.map(([href, label]) => h('a', { href }, label)));
  replace(who, getKey() ? h('button', { class: 'link', onclick: () => { clearKey(); location.reload(); } }, 'sign out') : 'no key needed');
  window.addEventListener('hashchange', () => void render());
  await render();
}

void start();
