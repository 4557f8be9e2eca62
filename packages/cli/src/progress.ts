import cliProgress from 'cli-progress';
import type { LoadProgress } from '@cowrieprocessor/core';
import type { CliIo } from './io.js';

/**
 * A progress bar for loads on a TTY (stderr, so `--json` stdout stays clean); a no-op
 * otherwise, so pipes and CI logs stay quiet.
 *
 * @example
 * ```ts
 * const bar = loadProgressBar(io, true);
 * await bulkLoad(store, files, { onProgress: bar.update });
 * bar.stop();
 * ```
 */
export function loadProgressBar(io: CliIo, enabled: boolean): { update: (p: LoadProgress) => void; stop: () => void } {
  if (!enabled || !io.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr,
      format: '{bar} {percentage}% | {files} files | {events} events | {eps} records/s | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const total = p.bytesTotal > 0 ? p.bytesTotal : Math.max(1, p.filesTotal);
      const done = p.bytesTotal > 0 ? p.bytesDone : p.filesDone;
      const payload = {
        files: `${p.filesDone}/${p.filesTotal}`,
        events: p.events,
        eps: p.elapsedSeconds > 0 ? Math.round(p.records / p.elapsedSeconds) : 0,
      };
      if (!started) {
        bar.start(total, done, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(Math.min(done, total), payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
