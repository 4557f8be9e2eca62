/**
 * Jobs: submit a job, watch one live (`#/jobs/<id>`), and the recent jobs with their states and
 * progress (refreshed every few seconds while the page is open).
 */
import { apiFetch } from '../api.js';
import { dataTable } from '../components/data-table.js';
import { h, panel, replace } from '../dom.js';
import { ago } from '../format.js';
import type { JobView } from '../types.js';
import { jobForm } from './job-form.js';
import { jobWatch } from './job-watch.js';

/** Render the jobs page; `jobId` selects the job to watch. */
export async function jobsPage(root: HTMLElement, jobId?: string): Promise<void> {
  const list = h('div', { 'data-testid': 'jobs-list' });
  const refresh = async () => {
    const { jobs } = await apiFetch<{ jobs: JobView[] }>('/api/v1/jobs?limit=25');
    replace(list, dataTable(jobs, [
      { title: 'job', cell: (j) => h('a', { href: `#/jobs/${encodeURIComponent(j.jobId)}` }, j.jobId.slice(0, 8)) },
      { title: 'type', cell: (j) => j.jobType },
      { title: 'state', cell: (j) => h('span', { class: `state ${j.state}` }, j.state) },
      { title: 'progress', cell: (j) => h('span', { class: 'mini-progress', title: `${j.progressPercent} %` }, h('span', { style: `width:${j.progressPercent}%` })) },
      { title: 'step', cell: (j) => j.currentStep ?? '' },
      { title: 'priority', cell: (j) => j.priority, num: true },
      { title: 'updated', cell: (j) => ago(j.updatedAt) },
    ], { empty: 'no jobs yet' }));
  };
  const watch = jobId ? await jobWatch(jobId, () => void refresh().catch(() => undefined)) : null;
  await refresh();
  replace(root,
    h('h1', {}, 'Jobs'),
    h('div', { class: 'grid2' },
      panel('Submit a job', jobForm((id) => (location.hash = `#/jobs/${encodeURIComponent(id)}`))),
      watch ?? panel('Live progress', h('p', { class: 'muted' }, 'Submit a job, or pick one below, to follow its progress here.'))),
    panel('Recent jobs', list));
  const timer = setInterval(() => {
    if (!list.isConnected) return clearInterval(timer);
    void refresh().catch(() => undefined);
  }, 3000);
}
