/**
 * The compute port: the numeric kernels every detector needs (pairwise distances and
 * similarities, matrix products), behind one interface with interchangeable adapters
 * (plain JS, onnxruntime-node, onnxruntime-web). Browser-safe: types only.
 */

/**
 * A dense float32 matrix in row-major order: element (i, j) is `data[i * cols + j]`.
 *
 * @example
 * ```ts
 * const m: Matrix = { data: new Float32Array([1, 2, 3, 4, 5, 6]), rows: 2, cols: 3 };
 * ```
 */
export interface Matrix {
  data: Float32Array;
  rows: number;
  cols: number;
}

/** `sqeuclidean`: smallest squared distance first; `cosine`: highest similarity first. */
export type NeighbourMetric = 'sqeuclidean' | 'cosine';

/** For each row of a, the k best rows of b: rows × k indices and values, best first. */
export interface TopKResult {
  k: number;
  indices: Int32Array;
  values: Float32Array;
}

/** Names of the compute adapters the registry knows. */
export type BackendName = 'js' | 'onnx-node' | 'onnx-web';

/** The backend names in a stable order (for CLI validation and listings). */
export const BACKEND_NAMES: readonly BackendName[] = ['js', 'onnx-node', 'onnx-web'];

/** What an adapter can do and how much it accepts at once. */
export interface BackendCapabilities {
  /** Runs native code (onnxruntime-node). */
  native: boolean;
  /** Runs WebAssembly (onnxruntime-web). */
  wasm: boolean;
  /** Can run in a browser. */
  browser: boolean;
  /**
   * Largest number of float32 elements one kernel invocation may produce. Adapters split larger
   * requests into row blocks themselves; callers use it to size tiles (see `nearestNeighbours`).
   */
  maxElements: number;
}

/**
 * One compute adapter. All kernels take float32 input and return float32 results; they may
 * run asynchronously (ONNX sessions), so every kernel returns a promise.
 *
 * @example
 * ```ts
 * const backend = await resolveBackend();
 * const d = await backend.pairwiseSqEuclidean(a, b); // a.rows × b.rows
 * ```
 */
export interface ComputeBackend {
  readonly name: BackendName;
  readonly capabilities: BackendCapabilities;
  /** a.rows × b.rows squared Euclidean distances, row-major (never negative). */
  pairwiseSqEuclidean(a: Matrix, b: Matrix): Promise<Float32Array>;
  /** a.rows × b.rows cosine similarities (rows with zero norm give 0). */
  pairwiseCosine(a: Matrix, b: Matrix): Promise<Float32Array>;
  /** a × b (a.cols must equal b.rows). */
  matmul(a: Matrix, b: Matrix): Promise<Matrix>;
  /**
   * Optional fused kernel: for each row of a, the min(k, b.rows) best rows of b (smallest
   * squared distance or highest cosine), ties to the lower index, without handing the
   * a.rows × b.rows matrix back to JS. `nearestNeighbours` uses it when present.
   */
  pairwiseTopK?(a: Matrix, b: Matrix, k: number, metric: NeighbourMetric): Promise<TopKResult>;
  /**
   * How many kernel invocations really ran on this backend (ONNX: inference session runs), so
   * tests can assert the backend did the work.
   */
  readonly runs: number;
  /** Releases sessions and buffers; a later kernel call sets them up again. */
  dispose(): Promise<void>;
}

/** Loads (initialises) one backend; throws when it cannot run here. */
export type BackendLoader = () => Promise<ComputeBackend>;

/** Options of `resolveBackend`. */
export interface ResolveBackendOptions {
  /** Use exactly this backend; never fall back (a failure is an error naming why). */
  forced?: BackendName;
  /** Try these first, in this order, then the rest by priority. */
  prefer?: BackendName[];
}
