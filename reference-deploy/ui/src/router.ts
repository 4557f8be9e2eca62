/**
 * Hash routes (`#/overview`, `#/detections/<detector>/<id>`, `#/jobs/<id>`, `#/workers`): the
 * API serves one `index.html`, and hash routes need nothing from the server to deep-link.
 */
import { campaignPage } from './pages/campaign.js';
import { detectionsPage } from './pages/detections.js';
import { jobsPage } from './pages/jobs.js';
import { overviewPage } from './pages/overview.js';
import { windowOf } from './pages/window-form.js';
import { workersPage } from './pages/workers.js';

/** The navigation entries, in menu order. */
export const NAV: Array<[string, string]> = [['#/overview', 'Overview'], ['#/detections', 'Detections'], ['#/jobs', 'Jobs'], ['#/workers', 'Workers']];

/** Render the page for `hash` into `root`. */
export function route(hash: string, root: HTMLElement): Promise<void> {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case 'detections':
      return parts.length >= 3 ? campaignPage(root, parts[1]!, parts.slice(2).join('/')) : detectionsPage(root, params);
    case 'jobs':
      return jobsPage(root, parts[1]);
    case 'workers':
      return workersPage(root);
    default:
      return overviewPage(root, windowOf(params));
  }
}
