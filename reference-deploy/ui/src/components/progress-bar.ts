/**
 * A job's progress bar: an ARIA progressbar (`aria-valuenow` carries the percent, which is what
 * assistive technology and the browser tests read), a fill, and a label
 * "step · processed / total (64 %)" like the design's "Analyzing sessions: 4,500 / 7,000 (64%)".
 */
import { h } from '../dom.js';
import { num } from '../format.js';
import type { JobStatus } from '../types.js';

/** A bar that {@link setProgress} updates in place. */
export function progressBar(testId = 'job-progress'): HTMLElement {
  return h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0, 'data-testid': testId },
    h('div', { class: 'progress-fill' }),
    h('div', { class: 'progress-label' }, '0 %'));
}

/** Show `status` on a bar made by {@link progressBar}. */
export function setProgress(bar: HTMLElement, status: Pick<JobStatus, 'state' | 'progressPercent' | 'currentStep' | 'processed' | 'total'>): void {
  const pct = Math.max(0, Math.min(100, status.progressPercent ?? 0));
  bar.setAttribute('aria-valuenow', String(pct));
  bar.dataset.state = status.state;
  (bar.querySelector('.progress-fill') as HTMLElement).style.width = `${pct}%`;
  const counts = status.processed !== null && status.total !== null ? ` · ${num(status.processed)} / ${num(status.total)}` : '';
  const step = status.currentStep ? `${status.currentStep}${counts} ` : counts ? `${counts.slice(3)} ` : '';
  (bar.querySelector('.progress-label') as HTMLElement).textContent = `${step}(${pct.toFixed(pct % 1 === 0 ? 0 : 1)} %)`;
}
