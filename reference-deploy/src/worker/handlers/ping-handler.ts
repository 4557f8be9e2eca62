/**
 * @module The `ping` job: progress steps and an answer, for health checks and the benchmark.
 */
import type { JobRunner } from '@cowrieprocessor/queue';

/**
 * Report `steps` progress updates `delayMs` apart, then answer (or fail with `fail`).
 *
 * @example
 * ```ts
 * await pingHandler({ steps: 2 }, ctx); // { pong: true, steps: 2 }
 * ```
 */
export const pingHandler: JobRunner = async (p, ctx) => {
  const steps = Number(p.steps ?? 0);
  const delayMs = Number(p.delayMs ?? 0);
  for (let i = 1; i <= steps; i++) {
    ctx.signal.throwIfAborted();
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    // The step carries the worker's clock, so the benchmark can measure progress-event latency.
    await ctx.progress({ percent: (i / steps) * 100, step: `step ${i} of ${steps} at ${Date.now()}`, processed: i, total: steps });
  }
  if (typeof p.fail === 'string') throw Object.assign(new Error(p.fail), { code: 'PING_FAILED' });
  return { pong: true, steps, attempt: ctx.attempt };
};
