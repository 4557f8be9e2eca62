import type { BackendCapabilities, BackendName, ComputeBackend, Matrix, TopKResult } from '../compute-backend.js';
import { ComputeBackendError, describeError } from '../compute-error.js';
import { checkMatmul, checkPairwise } from '../matrix.js';
import { buildKernelModel, type KernelName } from '../onnx-graph/kernel-models.js';
import { tiledMatmul, tiledPairwise } from '../tiling.js';
import type { OrtLike, OrtSessionLike, OrtTensorLike } from './ort-like.js';

/** How one ONNX adapter differs from the other: runtime module, session options, limits. */
export interface OrtBackendConfig {
  name: BackendName;
  ort: OrtLike;
  sessionOptions: Record<string, unknown>;
  capabilities: BackendCapabilities;
}

/**
 * A ComputeBackend over an onnxruntime module. Each kernel's model is built at run time and its
 * session created once, on first use, then cached (sessions take 25–300 ms to create). Runs are
 * serialised: a session must not run twice at once (onnxruntime-web refuses it), and the two
 * cores of the target machine gain nothing from overlapping runs.
 *
 * @example
 * ```ts
 * const backend = createOrtBackend({ name: 'onnx-node', ort, sessionOptions: {}, capabilities });
 * ```
 */
export function createOrtBackend(config: OrtBackendConfig): ComputeBackend {
  const { ort, name, capabilities } = config;
  const sessions = new Map<KernelName, Promise<OrtSessionLike>>();
  let queue: Promise<unknown> = Promise.resolve();
  let runs = 0;

  function session(kernel: KernelName): Promise<OrtSessionLike> {
    let s = sessions.get(kernel);
    if (!s) {
      s = ort.InferenceSession.create(buildKernelModel(kernel), config.sessionOptions);
      // A failed create must not be cached: the next call may succeed (e.g. after dispose).
      s.catch(() => sessions.delete(kernel));
      sessions.set(kernel, s);
    }
    return s;
  }

  // Row blocks are views into a larger buffer; both runtimes honour byteOffset (checked with
  // onnxruntime-node and -web 1.30.0, and by the parity suite's view test), so no copy is made.
  const tensor = (m: Matrix): OrtTensorLike => new ort.Tensor('float32', m.data, [m.rows, m.cols]);

  /** One serialised session run; returns the named outputs. */
  function run(kernel: KernelName, x: Matrix, y: Matrix, k?: number): Promise<Record<string, OrtTensorLike>> {
    const task = queue.then(async () => {
      const s = await session(kernel);
      const feeds: Record<string, OrtTensorLike> = { X: tensor(x), Y: tensor(y) };
      if (k !== undefined) feeds.K = new ort.Tensor('int64', BigInt64Array.of(BigInt(k)), [1]);
      try {
        const out = await s.run(feeds);
        runs++;
        return out;
      } catch (e) {
        const shapes = `${x.rows}×${x.cols} and ${y.rows}×${y.cols}`;
        throw new ComputeBackendError('COMPUTE_KERNEL_FAILED', `${name}: ${kernel} on ${shapes} failed: ${describeError(e)}`, { backend: name, kernel }, { cause: e });
      }
    });
    queue = task.catch(() => undefined);
    return task;
  }

  function output<T>(out: Record<string, OrtTensorLike>, key: string, kernel: KernelName, type: new (n: number) => T): T {
    const data = out[key]?.data;
    if (!(data instanceof type)) throw new ComputeBackendError('COMPUTE_KERNEL_FAILED', `${name}: ${kernel} gave no ${type.name} output ${key}`, { backend: name, kernel });
    return data;
  }

  /** A float32 n×m kernel; empty shapes never reach the runtime (zero-sized dims are brittle there). */
  async function dense(kernel: KernelName, x: Matrix, y: Matrix): Promise<Float32Array> {
    const outCols = kernel === 'matmul' ? y.cols : y.rows;
    if (x.rows === 0 || outCols === 0 || x.cols === 0) return new Float32Array(x.rows * outCols);
    return output(await run(kernel, x, y), 'Z', kernel, Float32Array);
  }

  return {
    name,
    capabilities,
    get runs() {
      return runs;
    },
    async pairwiseSqEuclidean(a, b) {
      checkPairwise(a, b);
      return tiledPairwise(a, b, capabilities.maxElements, (x, y) => dense('sqeuclidean', x, y));
    },
    async pairwiseCosine(a, b) {
      checkPairwise(a, b);
      return tiledPairwise(a, b, capabilities.maxElements, (x, y) => dense('cosine', x, y));
    },
    async matmul(a, b) {
      checkMatmul(a, b);
      return tiledMatmul(a, b, capabilities.maxElements, (x, y) => dense('matmul', x, y));
    },
    async pairwiseTopK(a, b, k, metric): Promise<TopKResult> {
      checkPairwise(a, b);
      const kk = Math.max(0, Math.min(Math.floor(k), b.rows));
      const indices = new Int32Array(a.rows * kk);
      const values = new Float32Array(a.rows * kk);
      if (kk === 0 || a.rows === 0) return { k: kk, indices, values };
      if (a.cols === 0) {
        // All distances (or similarities) are 0: the first k rows of b, by the tie rule.
        for (let i = 0; i < a.rows; i++) for (let t = 0; t < kk; t++) indices[i * kk + t] = t;
        return { k: kk, indices, values };
      }
      const kernel: KernelName = metric === 'cosine' ? 'cosine_topk' : 'sqeuclidean_topk';
      // The n × b.rows intermediate lives in the runtime: keep it under maxElements per run.
      const rowsPerRun = Math.max(1, Math.floor(capabilities.maxElements / b.rows));
      for (let r0 = 0; r0 < a.rows; r0 += rowsPerRun) {
        const block = { data: a.data.subarray(r0 * a.cols, Math.min(a.rows, r0 + rowsPerRun) * a.cols), rows: Math.min(rowsPerRun, a.rows - r0), cols: a.cols };
        const out = await run(kernel, block, b, kk);
        values.set(output(out, 'Z', kernel, Float32Array), r0 * kk);
        const idx = output(out, 'I', kernel, BigInt64Array);
        for (let t = 0; t < idx.length; t++) indices[r0 * kk + t] = Number(idx[t]);
      }
      return { k: kk, indices, values };
    },
    async dispose() {
      const all = [...sessions.values()];
      sessions.clear();
      await queue;
      await Promise.all(all.map(async (s) => (await s.catch(() => undefined))?.release()));
    },
  };
}

/**
 * Creates the backend and runs one tiny product, so a runtime that cannot work here (missing
 * native binary, WASM that will not instantiate) fails while the registry is resolving, where
 * it can fall through, rather than in the middle of a detector.
 *
 * @example
 * ```ts
 * const backend = await createCheckedOrtBackend(config);
 * ```
 */
export async function createCheckedOrtBackend(config: OrtBackendConfig): Promise<ComputeBackend> {
  const backend = createOrtBackend(config);
  const one = { data: new Float32Array([1]), rows: 1, cols: 1 };
  const check = await backend.matmul(one, one);
  if (check.data[0] !== 1) throw new Error(`${config.name} self-check gave ${check.data[0]} for 1×1`);
  return backend;
}
