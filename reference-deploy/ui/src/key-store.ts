/**
 * The API key the user typed, kept in sessionStorage: it lives as long as the tab, is never
 * written to disk by us and never leaves for another origin (every call is same-origin).
 */
const KEY = 'cowrie.apiKey';

/** The stored key, or null. */
export function getKey(): string | null {
  return sessionStorage.getItem(KEY);
}

/** Remember `key` for this tab. */
export function setKey(key: string): void {
  sessionStorage.setItem(KEY, key);
}

/** Forget the key (sign out). */
export function clearKey(): void {
  sessionStorage.removeItem(KEY);
}
