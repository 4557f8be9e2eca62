/**
 * The key prompt. The API wants `Authorization: Bearer <key>` on every data call; the user
 * types the key once, it is checked against `/api/v1/summary` and kept for the tab's life.
 */
import { ApiHttpError, apiFetch } from '../api.js';
import { h, replace } from '../dom.js';
import { setKey } from '../key-store.js';

/** Whether the API answers without a key (`--no-auth` on loopback). */
export async function openWithoutKey(): Promise<boolean> {
  try {
    await apiFetch('/api/v1/summary?limit=1', {}, null);
    return true;
  } catch {
    return false;
  }
}

/** Show the prompt in `root`; resolves once a working key is stored. */
export function askForKey(root: HTMLElement, reason?: string): Promise<void> {
  return new Promise((resolve) => {
    const input = h('input', { type: 'password', name: 'apiKey', autocomplete: 'off', placeholder: 'API key', size: 36, required: true, 'data-testid': 'key-input' });
    const msg = h('p', { class: 'error-text', role: 'alert' }, reason ?? '');
    const form = h('form', {
      class: 'key-form', 'data-testid': 'key-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const key = input.value.trim();
        try {
          await apiFetch('/api/v1/summary?limit=1', {}, key);
          setKey(key);
          resolve();
        } catch (err) {
          msg.textContent = err instanceof ApiHttpError && err.status === 401 ? 'That key was not accepted.' : (err as Error).message;
        }
      },
    },
    h('h1', {}, 'Sign in'),
    h('p', {}, 'Enter an API key (from COWRIE_API_KEYS). A key with the ', h('code', {}, 'jobs'), ' scope can also submit jobs and see workers. It is kept in this tab only.'),
    input, h('button', { type: 'submit' }, 'Open dashboard'), msg);
    replace(root, form);
    input.focus();
  });
}
