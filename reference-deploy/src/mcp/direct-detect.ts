/**
 * @module Run one detector over a window of a store, in-process and read-only (nothing stored, the
 * feature cache not written), the way `cowrie detect …` does. The last few results are kept, so
 * that paging through a run's findings does not run it again.
 */
import type { CowrieStore } from '@cowrieprocessor/core';
import {
  detectBotnets, detectSnowshoe, loadIpInfo, loadSessions, longtailFindings, resolveBackend, resolveWindow, runLongtail,
  type DetectionWindow, type Finding,
} from '@cowrieprocessor/detection';
import type { DetectorTool, WindowArgs } from './mcp-backend.js';

/** A detector run: its window, findings (highest score first) and statistics. */
export interface DetectorRun {
  window: DetectionWindow;
  findings: Finding[];
  stats: Record<string, unknown>;
}

const KEEP = 8;

/**
 * A runner with a small memo of recent runs (keyed by detector and window).
 *
 * @example
 * ```ts
 * const run = createDetectorRunner(store);
 * const r = await run('snowshoe', { since: '2025-12-01T00:00:00.000000Z' });
 * ```
 */
export function createDetectorRunner(store: CowrieStore): (detector: DetectorTool, w: WindowArgs) => Promise<DetectorRun> {
  const memo = new Map<string, Promise<DetectorRun>>();
  return (detector, w) => {
    const key = JSON.stringify([detector, w.since ?? null, w.until ?? null, w.sensor ?? null]);
    let p = memo.get(key);
    if (!p) {
      p = runOnce(store, detector, w);
      memo.set(key, p);
      p.catch(() => memo.delete(key));
      while (memo.size > KEEP) memo.delete(memo.keys().next().value!);
    }
    return p;
  };
}

async function runOnce(store: CowrieStore, detector: DetectorTool, w: WindowArgs): Promise<DetectorRun> {
  const window = await resolveWindow(store, w.since, w.until, w.sensor);
  const byScore = (f: Finding[]) => [...f].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (detector === 'longtail') {
    const backend = await resolveBackend({ prefer: ['onnx-node', 'js'] });
    try {
      // Read-only: the session feature cache is neither read through a write path nor filled.
      const run = await runLongtail(store, window, { backend, cache: false, store: false });
      return { window, findings: byScore(longtailFindings(run)), stats: { ...run.stats, backend: backend.name } };
    } finally {
      await backend.dispose();
    }
  }
  const sessions = await loadSessions(store, window);
  if (detector === 'snowshoe') {
    const res = detectSnowshoe(sessions, { ipInfo: await loadIpInfo(store) });
    return { window, findings: byScore(res.campaigns), stats: { ...res.stats } };
  }
  const res = detectBotnets(sessions);
  return { window, findings: byScore(res.clusters), stats: { ...res.stats } };
}
