import { attr, encodeModel, initializer, node, type GraphNode, type GraphSpec } from './graph-builder.js';

/**
 * The kernels we build as ONNX graphs. All take inputs X, Y and give Z; the `_topk` variants
 * also take K (int64 [1]) and give Z (values) and I (int64 indices), n × K.
 */
export type KernelName = 'sqeuclidean' | 'cosine' | 'matmul' | 'sqeuclidean_topk' | 'cosine_topk';

/** Row norms below this count as zero, so a zero row divides to 0 instead of NaN. */
const NORM_EPS = 1e-30;

const rowSumSquares = (input: string, output: string): GraphNode =>
  node('ReduceSumSquare', [input, 'axes1'], [output], [attr.int('keepdims', 1)]);

/**
 * out[n,m] = Relu(‖x‖² + ‖y‖²ᵀ − 2·X·Yᵀ) on inputs first shifted by Y's column means: distances
 * do not change under a common shift, and without it the expansion cancels catastrophically in
 * float32 for rows far from the origin (rows near 1000 in 16 dims gave 2 instead of 0). One Gemm
 * (alpha −2, beta 1) folds the product and the sum; Relu clamps the tiny negatives left over.
 */
function sqEuclideanNodes(out: string): GraphNode[] {
  return [
    node('ReduceMean', ['Y', 'axes0'], ['mu'], [attr.int('keepdims', 1)]),
    node('Sub', ['X', 'mu'], ['Xc']),
    node('Sub', ['Y', 'mu'], ['Yc']),
    rowSumSquares('Xc', 'xx'),
    rowSumSquares('Yc', 'yy'),
    node('Transpose', ['yy'], ['yyT'], [attr.ints('perm', [1, 0])]),
    node('Add', ['xx', 'yyT'], ['s']),
    node('Gemm', ['Xc', 'Yc', 's'], ['g'], [attr.float('alpha', -2), attr.float('beta', 1), attr.int('transB', 1)]),
    node('Relu', ['g'], [out]),
  ];
}

/** out[n,m] = normalise(X) · normalise(Y)ᵀ, with rows divided by max(‖row‖, eps). */
function cosineNodes(out: string): GraphNode[] {
  const normalise = (v: string): GraphNode[] => [
    rowSumSquares(v, `${v}ss`),
    node('Sqrt', [`${v}ss`], [`${v}norm`]),
    node('Max', [`${v}norm`, 'eps'], [`${v}safe`]),
    node('Div', [v, `${v}safe`], [`${v}n`]),
  ];
  return [...normalise('X'), ...normalise('Y'), node('Gemm', ['Xn', 'Yn'], [out], [attr.int('transB', 1)])];
}

const pairwiseInputs: GraphSpec['inputs'] = [
  ['X', ['n', 'd']],
  ['Y', ['m', 'd']],
];
const constants = [initializer.int64s('axes0', [0]), initializer.int64s('axes1', [1]), initializer.float('eps', NORM_EPS)];

function pairwiseModel(name: string, nodes: (out: string) => GraphNode[]): Uint8Array {
  return encodeModel({ name, nodes: nodes('Z'), initializers: constants, inputs: pairwiseInputs, outputs: [['Z', ['n', 'm']]] });
}

/** The pairwise matrix stays inside the runtime; only each row's K best leave it (sorted, ties to the lower index). */
function topKModel(name: string, nodes: (out: string) => GraphNode[], largest: boolean): Uint8Array {
  return encodeModel({
    name,
    nodes: [...nodes('P'), node('TopK', ['P', 'K'], ['Z', 'I'], [attr.int('axis', 1), attr.int('largest', largest ? 1 : 0), attr.int('sorted', 1)])],
    initializers: constants,
    inputs: [...pairwiseInputs, ['K', [1], 'int64']],
    outputs: [
      ['Z', ['n', 'k']],
      ['I', ['n', 'k'], 'int64'],
    ],
  });
}

function matmulModel(): Uint8Array {
  return encodeModel({
    name: 'matmul',
    nodes: [node('MatMul', ['X', 'Y'], ['Z'])],
    initializers: [],
    inputs: [
      ['X', ['n', 'k']],
      ['Y', ['k', 'm']],
    ],
    outputs: [['Z', ['n', 'm']]],
  });
}

/**
 * The serialized ONNX model of one kernel (symbolic dims, so one session serves every shape).
 *
 * @example
 * ```ts
 * const session = await ort.InferenceSession.create(buildKernelModel('sqeuclidean'));
 * ```
 */
export function buildKernelModel(kernel: KernelName): Uint8Array {
  switch (kernel) {
    case 'sqeuclidean':
      return pairwiseModel('pairwise_sqeuclidean', sqEuclideanNodes);
    case 'cosine':
      return pairwiseModel('pairwise_cosine', cosineNodes);
    case 'matmul':
      return matmulModel();
    case 'sqeuclidean_topk':
      return topKModel('topk_sqeuclidean', sqEuclideanNodes, false);
    case 'cosine_topk':
      return topKModel('topk_cosine', cosineNodes, true);
  }
}
