/**
 * The job submission form: job type, window, options per type, priority. Posts the body the
 * coordinator validates (`{ jobType, parameters, priority }`); its 4xx message is shown as is.
 */
import { apiPost } from '../api.js';
import { h } from '../dom.js';

const TYPES: Array<[string, string]> = [
  ['snowshoe', 'snowshoe detection'],
  ['botnet', 'botnet detection'],
  ['longtail', 'longtail detection'],
  ['report', 'summary report'],
  ['ping', 'ping (health check with progress steps)'],
];

/** The form; `onSubmitted` gets the new job's id. */
export function jobForm(onSubmitted: (jobId: string) => void): HTMLElement {
  const type = h('select', { name: 'jobType', 'data-testid': 'job-type' }, ...TYPES.map(([v, label]) => h('option', { value: v }, label)));
  const field = (name: string, label: string, attrs: Record<string, string | number> = {}) => {
    const input = h('input', { name, 'data-testid': `job-${name}`, ...attrs });
    return { input, row: h('label', { class: 'field', 'data-for': name }, h('span', {}, label), input) };
  };
  const since = field('since', 'since', { placeholder: 'default: 7 days before newest event' });
  const until = field('until', 'until', { placeholder: 'exclusive' });
  const sensor = field('sensor', 'sensor', { placeholder: 'all sensors' });
  const top = field('top', 'top entries', { type: 'number', min: 1, max: 1000, placeholder: '10' });
  const steps = field('steps', 'steps', { type: 'number', min: 0, max: 100, value: 10 });
  const delay = field('delayMs', 'ms between steps', { type: 'number', min: 0, max: 60000, value: 300 });
  const priority = field('priority', 'priority (1 highest … 10)', { type: 'number', min: 1, max: 10, value: 5 });
  const backend = h('select', { name: 'backend', 'data-testid': 'job-backend' }, ...['', 'js', 'onnx-node', 'onnx-web'].map((b) => h('option', { value: b }, b || 'best available')));
  const backendRow = h('label', { class: 'field', 'data-for': 'backend' }, h('span', {}, 'compute backend'), backend);
  const msg = h('p', { class: 'error-text', role: 'alert', 'data-testid': 'job-error' });
  const visible: Record<string, HTMLElement[]> = {
    detection: [since.row, until.row, sensor.row, backendRow],
    report: [since.row, until.row, sensor.row, top.row],
    ping: [steps.row, delay.row],
  };
  const all = [since.row, until.row, sensor.row, backendRow, top.row, steps.row, delay.row];
  const sync = () => {
    const group = type.value === 'report' || type.value === 'ping' ? type.value : 'detection';
    for (const r of all) r.hidden = !visible[group]!.includes(r);
  };
  // Keep the last job type across the re-render that follows a submission.
  type.value = sessionStorage.getItem('cowrie.jobType') ?? 'snowshoe';
  type.addEventListener('change', () => {
    sessionStorage.setItem('cowrie.jobType', type.value);
    sync();
  });
  sync();
  const submit = async (e: Event) => {
    e.preventDefault();
    msg.textContent = '';
    const p: Record<string, unknown> = {};
    const text = (i: HTMLInputElement | HTMLSelectElement, k: string) => {
      if (!i.closest<HTMLElement>('[data-for]')!.hidden && i.value.trim()) p[k] = i.value.trim();
    };
    const int = (i: HTMLInputElement, k: string) => {
      if (!i.closest<HTMLElement>('[data-for]')!.hidden && i.value.trim()) p[k] = Number(i.value);
    };
    text(since.input, 'since');
    text(until.input, 'until');
    text(sensor.input, 'sensor');
    text(backend, 'backend');
    int(top.input, 'top');
    int(steps.input, 'steps');
    int(delay.input, 'delayMs');
    try {
      const r = await apiPost<{ jobId: string }>('/api/v1/jobs', { jobType: type.value, parameters: p, priority: Number(priority.input.value || 5) });
      onSubmitted(r.jobId);
    } catch (err) {
      msg.textContent = (err as Error).message;
    }
  };
  return h('form', { class: 'job-form', 'data-testid': 'job-form', onsubmit: submit },
    h('label', { class: 'field' }, h('span', {}, 'job'), type), ...all, priority.row,
    h('button', { type: 'submit', 'data-testid': 'job-submit' }, 'Submit job'), msg);
}
