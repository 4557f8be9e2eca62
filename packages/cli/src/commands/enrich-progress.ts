import cliProgress from 'cli-progress';
import type { RefreshProgress } from '@cowrieprocessor/enrichment';
import type { CliIo } from '../io.js';

/**
 * A progress bar for `enrich refresh` and `enrich cache migrate` on a TTY (stderr, so `--json`
 * stdout stays clean); a no-op otherwise. Services report separately; the bar shows their sum.
 *
 * @example
 * ```ts
 * const bar = enrichProgressBar(io, true);
 * await refreshEnrichment(store, { ...opts, onProgress: bar.update });
 * bar.stop();
 * ```
 */
export function enrichProgressBar(io: CliIo, enabled: boolean): { update: (p: Pick<RefreshProgress, 'done' | 'total'> & { service?: string }) => void; stop: () => void } {
  if (!enabled || !io.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: io.stderr, format: '{bar} {value}/{total} subjects | {services}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  const per = new Map<string, { done: number; total: number }>();
  let started = false;
  return {
    update(p) {
      per.set(p.service ?? '', { done: p.done, total: p.total });
      const done = [...per.values()].reduce((n, x) => n + x.done, 0);
      const total = Math.max(1, [...per.values()].reduce((n, x) => n + x.total, 0));
      const services = [...per.keys()].filter(Boolean).join(', ');
      if (!started) {
        bar.start(total, done, { services });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { services });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
