import { existsSync } from 'node:fs';
import os from 'node:os';
import type { JobRequirements } from '../jobs/job-status.js';
import type { WorkerCapabilities } from './worker-info.js';

/**
 * What this machine offers, detected at start: cores, memory, accelerator (`COWRIE_ACCELERATOR`
 * when set, `apple_neural_engine` on Apple silicon, else `none`) and the compute backends the
 * caller knows are usable (the detection package's registry; `js` always).
 *
 * @example
 * ```ts
 * detectCapabilities(process.env, ['js', 'onnx-node']);
 * ```
 */
export function detectCapabilities(env: NodeJS.ProcessEnv = process.env, backends: string[] = ['js']): WorkerCapabilities {
  const accelerator = env.COWRIE_ACCELERATOR?.trim()
    || (process.platform === 'darwin' && process.arch === 'arm64' ? 'apple_neural_engine' : existsSync('/dev/nvidia0') ? 'nvidia_cuda' : 'none');
  return {
    cpuCores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    accelerator,
    backends: [...new Set(['js', ...backends])],
  };
}

/**
 * Why these capabilities do not meet a job's requirements, or null when they do.
 *
 * @example
 * ```ts
 * unmetRequirement({ cpuCores: 2, memoryGb: 8, accelerator: 'none', backends: ['js'] }, { minCpuCores: 8 });
 * // 'needs 8 CPU cores (this worker has 2)'
 * ```
 */
export function unmetRequirement(c: WorkerCapabilities, r: JobRequirements | undefined): string | null {
  if (!r) return null;
  if (r.minCpuCores !== undefined && c.cpuCores < r.minCpuCores) return `needs ${r.minCpuCores} CPU cores (this worker has ${c.cpuCores})`;
  if (r.minMemoryGb !== undefined && c.memoryGb < r.minMemoryGb) return `needs ${r.minMemoryGb} GB memory (this worker has ${c.memoryGb})`;
  if (r.accelerator && !r.accelerator.includes(c.accelerator)) return `needs accelerator ${r.accelerator.join(' or ')} (this worker has ${c.accelerator})`;
  if (r.backends && !r.backends.some((b) => c.backends.includes(b))) return `needs compute backend ${r.backends.join(' or ')}`;
  return null;
}
