import protobuf from 'protobufjs';
import { ONNX_MINI_PROTO } from './onnx-mini-proto.js';

/** ONNX TensorProto element types we use. */
const FLOAT = 1;
const INT64 = 7;
/** AttributeProto.AttributeType values. */
const ATTR_FLOAT = 1;
const ATTR_INT = 2;
const ATTR_INTS = 7;

/** Opset 18: ReduceSumSquare takes `axes` as an input (an int64 initializer), not an attribute. */
export const OPSET = 18;

/** A plain-object NodeProto (protobufjs camelCase field names). */
export interface GraphNode {
  opType: string;
  input: string[];
  output: string[];
  name: string;
  attribute: Array<Record<string, unknown>>;
}

/** A graph input or output: name, dims (symbolic names or sizes), element type (float32 by default). */
export type ValueSpec = [name: string, dims: Array<string | number>, type?: 'float32' | 'int64'];

/** What a kernel graph declares: its nodes, initializers, inputs and outputs. */
export interface GraphSpec {
  name: string;
  nodes: GraphNode[];
  initializers: Array<Record<string, unknown>>;
  inputs: ValueSpec[];
  outputs: ValueSpec[];
}

let modelType: protobuf.Type | undefined;
function modelProto(): protobuf.Type {
  modelType ??= protobuf.parse(ONNX_MINI_PROTO, { keepCase: false }).root.lookupType('onnx.ModelProto');
  return modelType;
}

/** A graph node; its name is derived from its first output so names stay unique. */
export function node(opType: string, input: string[], output: string[], attribute: Array<Record<string, unknown>> = []): GraphNode {
  return { opType, input, output, name: `${output[0]}_${opType}`, attribute };
}

/** Integer, integer-list and float attributes. */
export const attr = {
  int: (name: string, i: number) => ({ name, type: ATTR_INT, i }),
  ints: (name: string, ints: number[]) => ({ name, type: ATTR_INTS, ints }),
  float: (name: string, f: number) => ({ name, type: ATTR_FLOAT, f }),
};

/** Constant tensors stored in the model. */
export const initializer = {
  float: (name: string, value: number) => ({ name, dataType: FLOAT, dims: [], floatData: [value] }),
  int64s: (name: string, values: number[]) => ({ name, dataType: INT64, dims: [values.length], int64Data: values }),
};

function valueInfo([name, dims, type]: ValueSpec): Record<string, unknown> {
  const dim = dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  return { name, type: { tensorType: { elemType: type === 'int64' ? INT64 : FLOAT, shape: { dim } } } };
}

/**
 * Serialises a graph spec to ONNX model bytes (IR 8, opset {@link OPSET}), ready for
 * `InferenceSession.create(bytes)` in onnxruntime-node or onnxruntime-web.
 *
 * @example
 * ```ts
 * const bytes = encodeModel({ name: 'mm', nodes: [node('MatMul', ['A', 'B'], ['C'])], initializers: [],
 *   inputs: [['A', ['n', 'k']], ['B', ['k', 'm']]], outputs: [['C', ['n', 'm']]] });
 * ```
 */
export function encodeModel(spec: GraphSpec): Uint8Array {
  const type = modelProto();
  const model = {
    irVersion: 8,
    producerName: 'cowrieprocessor-detection',
    opsetImport: [{ domain: '', version: OPSET }],
    graph: {
      name: spec.name,
      node: spec.nodes,
      initializer: spec.initializers,
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
    },
  };
  const err = type.verify(model);
  if (err) throw new Error(`invalid ONNX model ${spec.name}: ${err}`);
  return type.encode(type.fromObject(model)).finish();
}
