/**
 * One job, live: a progress bar fed by the job's event stream, its state and step, and its
 * result (or error) when it ends. Detection results link to the findings they stored.
 */
import { apiFetch } from '../api.js';
import { progressBar, setProgress } from '../components/progress-bar.js';
import { h, panel, replace } from '../dom.js';
import { num, utc } from '../format.js';
import { followJob } from '../job-stream.js';
import type { JobView } from '../types.js';

/** The panel for `jobId`; `onFinal` runs once the job ends (the page refreshes its list). */
export async function jobWatch(jobId: string, onFinal: () => void): Promise<HTMLElement> {
  const job = await apiFetch<JobView>(`/api/v1/jobs/${encodeURIComponent(jobId)}`);
  const bar = progressBar();
  const state = h('span', { class: `state ${job.state}`, 'data-testid': 'job-state' }, job.state);
  const log = h('ol', { class: 'event-log', 'data-testid': 'job-events' });
  const outcome = h('div', { 'data-testid': 'job-outcome' });
  setProgress(bar, job);
  const box = panel(`Job ${job.jobType} · ${job.jobId}`,
    h('p', {}, 'state: ', state, h('span', { class: 'muted' }, ` · priority ${job.priority} · submitted ${utc(job.createdAt)}`)),
    bar, outcome, h('details', {}, h('summary', {}, 'events'), log));
  box.dataset.jobId = job.jobId;
  let ended = false;
  const show = (ev: string, j: Partial<JobView> & Pick<JobView, 'state' | 'progressPercent'>) => {
    setProgress(bar, { state: j.state, progressPercent: j.progressPercent, currentStep: j.currentStep ?? null, processed: j.processed ?? null, total: j.total ?? null });
    state.textContent = j.state;
    state.className = `state ${j.state}`;
    log.append(h('li', {}, `${ev}: ${j.progressPercent} %${j.currentStep ? ` · ${j.currentStep}` : ''}`));
    if (j.state === 'completed' || j.state === 'failed' || j.state === 'cancelled') {
      replace(outcome, result(job.jobType, j));
      if (!ended) onFinal();
      ended = true;
    }
  };
  const stop = followJob(job.jobId, show, (err) => replace(outcome, h('p', { class: 'error-text' }, err.message)));
  // Stop streaming when the user navigates away (the panel leaves the page).
  const timer = setInterval(() => {
    if (!box.isConnected) {
      stop();
      clearInterval(timer);
    }
  }, 1000);
  return box;
}

function result(jobType: string, j: Partial<JobView>): HTMLElement {
  if (j.state !== 'completed') return h('p', { class: 'error-text', 'data-testid': 'job-error-result' }, `${j.state}: ${j.error?.code ?? ''} ${j.error?.message ?? ''}`);
  const r = (j.result ?? {}) as Record<string, unknown>;
  const parts: HTMLElement[] = [];
  if (typeof r.runId === 'string') {
    parts.push(h('p', {}, `stored run ${r.runId}: ${num(Number(r.findings ?? 0))} findings `, h('a', { href: `#/detections?detector=${jobType}` }, 'see detections →')));
  }
  parts.push(h('pre', { class: 'json' }, JSON.stringify(r, null, 2).slice(0, 4000)));
  return h('div', { class: 'result', 'data-testid': 'job-result' }, ...parts);
}
