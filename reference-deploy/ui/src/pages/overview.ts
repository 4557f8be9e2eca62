/**
 * Overview: headline totals, events and sessions over time, top attackers, countries,
 * credentials, commands. One summary call carries the totals and top lists; the time series and
 * the attackers (for countries) are their own calls, made in parallel.
 */
import { apiGet } from '../api.js';
import { timeChart } from '../charts/time-chart.js';
import { dataTable } from '../components/data-table.js';
import { statCards } from '../components/stat-cards.js';
import { topList } from '../components/top-list.js';
import { h, panel, replace } from '../dom.js';
import { ago, num, utc } from '../format.js';
import type { Attacker, SummaryReport, TimePoint } from '../types.js';
import { windowForm, type Window } from './window-form.js';

/** Render the overview for `win` into `root`. */
export async function overviewPage(root: HTMLElement, win: Window): Promise<void> {
  const q = { since: win.since, until: win.until };
  const [summary, attackers] = await Promise.all([
    apiGet<SummaryReport>('/api/v1/summary', { ...q, limit: 10 }),
    apiGet<Attacker[]>('/api/v1/attackers', { ...q, limit: 1000 }),
  ]);
  const s = summary.data;
  // Hourly buckets up to two weeks, daily beyond (a chart of thousands of hourly points says less).
  const spanH = s.firstEvent && s.lastEvent ? (Date.parse(s.lastEvent) - Date.parse(s.firstEvent)) / 3.6e6 : 0;
  const interval = spanH > 24 * 14 ? 'day' : 'hour';
  const series = await apiGet<TimePoint[]>('/api/v1/timeseries', { ...q, interval, limit: 10000 });
  replace(root,
    h('h1', {}, 'Overview'),
    windowForm(win, '#/overview'),
    statCards([['events', s.events], ['sessions', s.sessions], ['unique IPs', s.uniqueIps], ['login attempts', s.loginAttempts],
      ['logins that worked', s.loginSuccesses], ['commands', s.commands], ['downloads', s.downloads], ['sensors', s.sensors]]),
    h('p', { class: 'muted' }, `data from ${utc(s.firstEvent)} to ${utc(s.lastEvent)} (newest ${ago(s.lastEvent)})`),
    panel(`Events and sessions per ${interval}`, timeChart(series.data)),
    h('div', { class: 'grid2' },
      panel('Top attackers (sessions)', dataTable(attackers.data.slice(0, 10), [
        { title: 'IP', cell: (a) => h('a', { href: `#/detections?ip=${encodeURIComponent(a.value)}` }, a.value) },
        { title: 'sessions', cell: (a) => num(a.count), num: true },
        { title: 'logins', cell: (a) => `${num(a.loginSuccesses)} / ${num(a.loginAttempts)}`, num: true },
        { title: 'commands', cell: (a) => num(a.commands), num: true },
        { title: 'country', cell: (a) => a.country ?? '–' },
        { title: 'last seen', cell: (a) => utc(a.lastSeen) },
      ], { testId: 'top-attackers' })),
      panel('Countries (attacking IPs)', countries(attackers.data))),
    h('div', { class: 'grid2' },
      panel('Credentials (login attempts)', topList(s.topCredentials.map((c) => ({ label: c.value, count: c.count })), { testId: 'top-credentials' })),
      panel('Commands (times run)', topList(s.topCommands.map((c) => ({ label: c.value, count: c.count })), { testId: 'top-commands' }))),
    h('div', { class: 'grid2' },
      panel('Usernames', topList(s.topUsernames.map((c) => ({ label: c.value, count: c.count })), { testId: 'top-usernames' })),
      panel('Passwords', topList(s.topPasswords.map((c) => ({ label: c.value, count: c.count })), { testId: 'top-passwords' }))),
  );
}

/** IPs per country from the attackers list; unenriched IPs are counted apart and said so. */
function countries(attackers: Attacker[]): HTMLElement {
  const by = new Map<string, number>();
  let unknown = 0;
  for (const a of attackers) {
    if (a.country) by.set(a.country, (by.get(a.country) ?? 0) + 1);
    else unknown++;
  }
  const rows = [...by].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([label, count]) => ({ label, count }));
  return h('div', { 'data-testid': 'countries' },
    topList(rows, { empty: 'no IP enriched yet: run "cowrie enrich" to see countries' }),
    unknown > 0 ? h('p', { class: 'muted' }, `${num(unknown)} of ${num(attackers.length)} IPs not enriched yet`) : null);
}
