/**
 * The dashboard in a real browser (Debian's Chromium through playwright-core) against the real
 * services: the built CLI runs the coordinator (embedded queue: it runs the jobs itself) and the
 * API (which serves the UI at /ui and proxies the job routes), over a SQLite store loaded with
 * the sample log and a stored snowshoe run. Screenshots land in test/screenshots/ (git-ignored).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoad, type CowrieStore } from '@cowrieprocessor/core';
import { SAMPLE } from './support/api-fixture.js';
import { launchChromium, SCREENSHOTS, watchPage } from './support/browser.js';
import { createTestDatabase, type TestDatabase } from './support/dialects.js';
import { CLI, readSse, spawnCli, type CliProcess } from './support/jobs-processes.js';

const UI_DIST = fileURLToPath(new URL('../ui/dist/index.html', import.meta.url));
const JOBS_KEY = 'ui-jobs-key-0123456789';
const READ_KEY = 'ui-read-key-0123456789';

// Enrichment is another package's product: seed what it would have stored for the 60 busiest
// IPs (countries weighted so the chart has a shape), leaving the rest unenriched.
const COUNTRIES = ['CN', 'CN', 'CN', 'US', 'US', 'RU', 'BR', 'IN', 'NL', 'DE', 'VN', 'KR'];
async function seedCountries(store: CowrieStore): Promise<void> {
  const top = await store.db.selectFrom('sessions').select(['src_ip', (eb) => eb.fn.countAll<number>().as('n')]).where('src_ip', 'is not', null)
    .groupBy('src_ip').orderBy('n', 'desc').orderBy('src_ip').limit(60).execute();
  const at = '2025-12-04T00:00:00.000000Z';
  await store.db.insertInto('enrichment').values(top.map((r, i) => ({
    subject_type: 'ip', subject: r.src_ip!, service: 'dshield', status: 'found', fetched_at: at, expires_at: '2025-12-11T00:00:00.000000Z',
    value: JSON.stringify({ ip: r.src_ip, country: COUNTRIES[i % COUNTRIES.length], asn: 64500 + (i % 7), asName: `EXAMPLE-AS-${i % 7}`, network: null, dshield: null, urlhaus: null, spur: null, sources: ['dshield'] }),
  }))).execute();
}

describe('dashboard in Chromium', () => {
  let db: TestDatabase;
  let browser: Browser;
  let page: Page;
  let base = '';
  let watch: { problems: string[] };
  let env: Record<string, string> = {};
  let coordinatorUrl = '';
  const procs: CliProcess[] = [];
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    if (!existsSync(UI_DIST)) throw new Error(`the dashboard is not built (${UI_DIST} missing): run "npm run build"`);
    db = createTestDatabase('sqlite');
    const store = await db.open({ access: 'write' });
    await bulkLoad(store, [SAMPLE]);
    await seedCountries(store);
    await store.close();
    execFileSync(process.execPath, [CLI, 'detect', 'snowshoe', '--store', '--db', db.target], { stdio: 'pipe' });
    env = { COWRIE_DB: db.target, COWRIE_API_KEYS: `${JOBS_KEY}:read+jobs,${READ_KEY}:read`, COWRIE_LOG_LEVEL: 'warn' };
    const coordinator = spawnCli('coordinator', ['coordinator', '--port', '0'], { ...env, COWRIE_QUEUE: 'embedded' });
    procs.push(coordinator);
    coordinatorUrl = (await coordinator.waitFor(/coordinator on (http:\/\/[\d.:]+)/))[1]!;
    // The API presents COWRIE_API_KEY to the coordinator for streams opened with an SSE token.
    const api = spawnCli('api', ['serve', 'api', '--port', '0'], { ...env, COWRIE_COORDINATOR_URL: coordinatorUrl, COWRIE_API_KEY: JOBS_KEY, COWRIE_API_RATE: '1000/s' });
    procs.push(api);
    base = (await api.waitFor(/statistics API on (http:\/\/[\d.:]+)/))[1]!;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    watch = watchPage(page, base);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.allSettled(procs.map((p) => p.stop()));
    await db?.drop();
  });

  it('asks for a key, refuses a wrong one, then shows the overview with charts and top lists', async () => {
    await page.goto(`${base}/ui/`);
    await page.getByTestId('key-form').waitFor();
    await page.getByTestId('key-input').fill('not-a-valid-key-000000');
    await page.getByRole('button', { name: 'Open dashboard' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not accepted');
    watch.problems.length = 0; // the refused key's 401 is logged by the browser, as it should be
    await page.getByTestId('key-input').fill(JOBS_KEY);
    await page.getByRole('button', { name: 'Open dashboard' }).click();
    const stats = page.getByTestId('stats');
    await stats.waitFor();
    expect(await stats.textContent()).toContain('5,521events');
    expect(await stats.textContent()).toContain('782sessions');
    const chart = page.getByTestId('timeseries-chart');
    expect(Number(await chart.getAttribute('data-points'))).toBe(72);
    expect(await chart.locator('canvas').count()).toBe(1);
    expect(await page.getByTestId('top-attackers').locator('tbody tr').count()).toBe(10);
    expect(await page.getByTestId('top-attackers').textContent()).toContain('198.18.201.50');
    expect(await page.getByTestId('top-credentials').locator('li').first().textContent()).toContain('root:admin');
    expect(await page.getByTestId('top-commands').locator('li').count()).toBe(10);
    const countries = page.getByTestId('countries');
    expect(await countries.locator('li').first().textContent()).toMatch(/^CN\s*15$/); // 3 of every 12 of the 60 seeded
    expect(await countries.locator('li').count()).toBe(9);
    expect(await countries.textContent()).toContain('334 of 394 IPs not enriched yet');
    // The key lives in sessionStorage, not in a cookie or localStorage.
    expect(await page.evaluate("[sessionStorage.getItem('cowrie.apiKey'), localStorage.length, document.cookie]")).toEqual([JOBS_KEY, 0, '']);
    await shot('overview');
    expect(watch.problems).toEqual([]);
  });

  it('lists detections and opens a snowshoe campaign with its IPs, evidence and timeline', async () => {
    await page.goto(`${base}/ui/#/detections?detector=snowshoe`);
    const table = page.getByTestId('detections-table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    await shot('detections');
    await rows.first().locator('a').first().click();
    await page.getByTestId('campaign-title').waitFor();
    expect(await page.getByTestId('campaign-title').textContent()).toMatch(/^snowshoe campaign: \d+ low-volume IPs/);
    expect(await page.getByTestId('campaign-reasons').locator('li').count()).toBeGreaterThan(2);
    const ips = await page.getByTestId('campaign-ips').locator('tbody tr').count();
    expect(ips).toBeGreaterThan(5);
    expect(JSON.parse((await page.getByTestId('campaign-evidence').textContent())!)).toHaveProperty('credentialDictionary');
    const timeline = page.getByTestId('campaign-timeline');
    expect(Number(await timeline.getAttribute('data-points'))).toBeGreaterThanOrEqual(ips);
    expect(await timeline.locator('canvas').count()).toBe(1);
    await shot('campaign');
    expect(watch.problems).toEqual([]);
  });

  it('submits a job from the UI; its progress bar follows the job events live and it finishes', async () => {
    await page.goto(`${base}/ui/#/jobs`);
    await page.getByTestId('job-form').waitFor();
    // Record every value the bar shows, with the time it showed it.
    // (Browser-side code as a string: this package's types are Node's, not the DOM's.)
    await page.evaluate(`(() => {
      const seen = (window.__bar = []);
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="job-progress"]');
        const v = bar ? Number(bar.getAttribute('aria-valuenow')) : NaN;
        // The ping job's step label carries the worker's clock: event-to-screen latency.
        const at = Number(/ at ([0-9]{13})/.exec(bar?.textContent ?? '')?.[1] ?? NaN);
        if (!Number.isNaN(v) && seen.at(-1)?.[1] !== v) seen.push([performance.now(), v, Date.now() - at]);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    })()`);
    await page.getByTestId('job-type').selectOption('ping');
    await page.getByTestId('job-steps').fill('12');
    await page.getByTestId('job-delayMs').fill('300');
    await page.getByTestId('job-submit').click();
    await page.waitForURL(/#\/jobs\/[\w-]+$/);
    const jobId = decodeURIComponent(page.url().split('#/jobs/')[1]!);
    await page.locator(`[data-job-id="${jobId}"]`).waitFor();
    // Our own reader of the same stream, through the API with the bearer key.
    const events = readSse(`${base}/api/v1/jobs/${jobId}/events`, { authorization: `Bearer ${JOBS_KEY}` });
    await expect.poll(() => page.getByTestId('job-progress').getAttribute('aria-valuenow'), { timeout: 10_000 }).toMatch(/^(?:[3-9]\d(?:\.\d)?)$/);
    await shot('job-progress');
    await expect.poll(() => page.getByTestId('job-state').textContent(), { timeout: 20_000 }).toBe('completed');
    const streamed = (await events).filter(([, d]) => d.jobId === jobId).map(([, d]) => Number(d.progressPercent));
    const bar = await page.evaluate<Array<[number, number, number]>>('window.__bar');
    const lags = bar.map(([, , lag]) => lag).filter((x) => Number.isFinite(x)).sort((x, y) => x - y);
    console.log(`progress event → bar (worker clock to screen): median ${lags[lags.length >> 1]} ms, max ${lags.at(-1)} ms over ${lags.length} updates`);
    expect(lags.length).toBeGreaterThanOrEqual(8);
    expect(lags.at(-1)!).toBeLessThan(2000);
    const shown = bar.map(([, v]) => v);
    const times = bar.map(([t]) => t);
    const distinct = (xs: number[]) => xs.filter((x, i) => i === 0 || x !== xs[i - 1]);
    const a = distinct(shown.filter((v) => v > 0));
    const b = distinct(streamed.filter((v) => v > 0));
    // Both follow the same event sequence from wherever they joined it: the shorter is a tail of the longer.
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    expect(long.slice(long.length - short.length)).toEqual(short);
    expect(a.at(-1)).toBe(100);
    expect(a.length).toBeGreaterThanOrEqual(8); // it moved step by step, not in one jump at the end
    expect(a).toEqual([...a].sort((x, y) => x - y));
    expect(times.at(-1)! - times[0]!).toBeGreaterThan(1500); // …and over the job's run time
    expect(await page.getByTestId('job-result').textContent()).toContain('"pong": true');
    expect(await page.getByTestId('job-progress').getAttribute('data-state')).toBe('completed');
    await page.waitForTimeout(400); // the bar's fill animates for 250 ms
    await shot('job-done');
    expect(watch.problems).toEqual([]);
  });

  it('runs a snowshoe detection job from the UI and links to what it stored', async () => {
    await page.goto(`${base}/ui/#/jobs`);
    await page.getByText('Submit a job, or pick one below').waitFor(); // the fresh view, not the last job's
    await page.getByTestId('job-type').selectOption('snowshoe');
    await page.getByTestId('job-since').fill('2025-11-01');
    await page.getByTestId('job-until').fill('2026-01-01');
    await page.getByTestId('job-submit').click();
    await page.waitForURL(/#\/jobs\/[\w-]+$/);
    const snowId = decodeURIComponent(page.url().split('#/jobs/')[1]!);
    await page.locator(`[data-job-id="${snowId}"]`).waitFor();
    await expect.poll(() => page.getByTestId('job-state').textContent(), { timeout: 60_000 }).toBe('completed');
    expect(await page.getByTestId('job-progress').getAttribute('aria-valuenow')).toBe('100');
    const result = await page.getByTestId('job-result').textContent();
    expect(result, result ?? '').toMatch(/stored run [0-9a-f-]{36}: [1-9]\d* findings/);
    expect(await page.getByTestId('jobs-list').textContent()).toContain('snowshoe');
    await page.getByRole('link', { name: 'see detections →' }).click();
    await page.getByTestId('detections-table').waitFor();
    expect(await page.getByTestId('detections-table').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(watch.problems).toEqual([]);
  });

  it('shows the worker registry with heartbeats', async () => {
    await page.goto(`${base}/ui/#/workers`);
    const table = page.getByTestId('workers-table');
    await table.waitFor();
    const text = await table.textContent();
    expect(text).toContain('coordinator-embedded');
    expect(text).toContain('active');
    expect(await table.getByTestId('heartbeat').first().textContent()).toMatch(/^\d+ s ago$/);
    expect(await page.getByTestId('queue-depth').locator('li').count()).toBeGreaterThanOrEqual(5);
    await shot('workers');
    expect(watch.problems).toEqual([]);
  });

  it('when the event stream is refused (API without COWRIE_API_KEY) the page polls and still finishes', async () => {
    const api = spawnCli('api-no-proxy-key', ['serve', 'api', '--port', '0'], { ...env, COWRIE_COORDINATOR_URL: coordinatorUrl, COWRIE_API_RATE: '1000/s' });
    procs.push(api);
    const url = (await api.waitFor(/statistics API on (http:\/\/[\d.:]+)/))[1]!;
    const p = await browser.newPage();
    await p.goto(`${url}/ui/`);
    await p.getByTestId('key-input').fill(JOBS_KEY);
    await p.getByRole('button', { name: 'Open dashboard' }).click();
    await p.getByTestId('stats').waitFor();
    await p.goto(`${url}/ui/#/jobs`);
    await p.getByTestId('job-type').selectOption('ping');
    await p.getByTestId('job-steps').fill('4');
    await p.getByTestId('job-delayMs').fill('500');
    await p.getByTestId('job-submit').click();
    await expect.poll(() => p.getByTestId('job-state').textContent(), { timeout: 20_000 }).toBe('completed');
    expect(await p.getByTestId('job-progress').getAttribute('aria-valuenow')).toBe('100');
    expect(await p.getByTestId('job-events').textContent()).toContain('poll: 100 %');
    await p.close();
  });

  it('a read-only key sees the data pages and a clear message on the job pages', async () => {
    const p = await browser.newPage();
    await p.goto(`${base}/ui/`);
    await p.getByTestId('key-input').fill(READ_KEY);
    await p.getByRole('button', { name: 'Open dashboard' }).click();
    await p.getByTestId('stats').waitFor();
    await p.goto(`${base}/ui/#/workers`);
    await expect.poll(() => p.getByRole('alert').textContent()).toContain('jobs scope');
    await p.close();
  });
});
