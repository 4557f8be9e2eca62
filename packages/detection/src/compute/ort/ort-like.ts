/**
 * The slice of the onnxruntime JS API (shared by onnxruntime-node and onnxruntime-web through
 * onnxruntime-common) that our adapters use, typed structurally so this file imports neither.
 */
export interface OrtTensorLike {
  readonly data: unknown;
  readonly dims: readonly number[];
  dispose?(): void;
}

/** An inference session. */
export interface OrtSessionLike {
  run(feeds: Record<string, OrtTensorLike>): Promise<Record<string, OrtTensorLike>>;
  release(): Promise<void>;
}

/** The runtime module (`import * as ort from 'onnxruntime-node'`). */
export interface OrtLike {
  InferenceSession: { create(model: Uint8Array, options?: Record<string, unknown>): Promise<OrtSessionLike> };
  Tensor: {
    new (type: 'float32', data: Float32Array, dims: readonly number[]): OrtTensorLike;
    new (type: 'int64', data: BigInt64Array, dims: readonly number[]): OrtTensorLike;
  };
}
