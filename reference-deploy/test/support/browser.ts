/**
 * Headless Chromium for the dashboard tests: Debian's `chromium` package (`.ci/run` installs
 * it), driven by playwright-core, never a downloaded browser. A missing browser fails the test
 * run (in CI and out of it): a skipped browser test would pass without proving anything.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian installs Chromium (`COWRIE_TEST_CHROMIUM` overrides). */
export const CHROMIUM = process.env.COWRIE_TEST_CHROMIUM ?? '/usr/bin/chromium';

/** Screenshots of the test run (git-ignored). */
export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** The flags this machine and CI need: no sandbox (root in a container), no GPU, no phoning home. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Launch Chromium, or fail with a line saying how to get it.
 *
 * @example
 * ```ts
 * const browser = await launchChromium();
 * ```
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium) or set COWRIE_TEST_CHROMIUM`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Record everything a page reports that would mean a broken page: uncaught errors, console
 * errors, failed requests, and any request that leaves the machine (the UI must work offline).
 */
export function watchPage(page: Page, allowedOrigin: string): { problems: string[] } {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(allowedOrigin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`external request: ${u}`);
  });
  page.on('requestfailed', (r) => {
    // An EventSource closed by the page after a final state is reported as aborted: not a fault.
    if (!/events\?access_token=/.test(r.url())) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  return { problems };
}
