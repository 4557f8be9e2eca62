import type { JobType } from '../jobs/job-types.js';

/** Hardware and software a worker found at start (capability routing, the registry). */
export interface WorkerCapabilities {
  cpuCores: number;
  memoryGb: number;
  /** `none`, `nvidia_cuda`, `apple_neural_engine`, … (from `COWRIE_ACCELERATOR` or detection). */
  accelerator: string;
  /** Compute backends the detection package can use here (`js`, `onnx-node`, …). */
  backends: string[];
}

/** What a worker announces in the registry (the design's "Coordinator View" entry). */
export interface WorkerInfo {
  workerId: string;
  hostname: string;
  /** `native` or `containerized` (a container is detected from `/.dockerenv` or `KUBERNETES_SERVICE_HOST`). */
  type: 'native' | 'containerized';
  profile: string;
  queues: JobType[];
  concurrency: number;
  /** e.g. `linux-x64`, `darwin-arm64`. */
  platform: string;
  capabilities: WorkerCapabilities;
  /** Preference per queue, 0–100 (higher preferred; `worker-config.yaml`). */
  preferences: Partial<Record<JobType, number>>;
  /** Jobs running at the last heartbeat. */
  active: number;
  pid: number;
  startedAt: string;
}

/** A registry entry as the coordinator shows it. */
export interface WorkerRecord extends WorkerInfo {
  lastSeen: string;
  /** `active` while heartbeats arrive; `lost` after three missed intervals. */
  status: 'active' | 'lost';
}
