import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { createJsBackend, nearestNeighbours } from '../../src/index.js';
import { createOrtBackend } from '../../src/compute/ort/ort-backend.js';
import type { OrtLike } from '../../src/compute/ort/ort-like.js';
import { maxRelError, randomMatrix, refMatmul } from './reference.js';

// A tiny maxElements forces every tiling path through the real runtimes: row tiles, row and
// column tiles, matmul row blocks, and the fused top-k in single-row runs.
const runtimes = [
  ['onnx-node', ortNode as unknown as OrtLike, 'cpu'],
  ['onnx-web', ortWeb as unknown as OrtLike, 'wasm'],
] as const;

describe.each(runtimes)('%s with a tiny maxElements', (name, ort, ep) => {
  const backend = createOrtBackend({
    name,
    ort,
    sessionOptions: { executionProviders: [ep] },
    capabilities: { native: name === 'onnx-node', wasm: name === 'onnx-web', browser: name === 'onnx-web', maxElements: 500 },
  });
  const js = createJsBackend();

  it('assembles tiled pairwise results identical in layout to the JS backend', async () => {
    const a = randomMatrix(60, 6, 41);
    const rowsOnly = randomMatrix(40, 6, 42); // 2400 outputs: row tiles of 12
    const wide = randomMatrix(700, 6, 43); // one output row exceeds 500: column tiles too
    for (const b of [rowsOnly, wide]) {
      const before = backend.runs;
      expect(maxRelError(await backend.pairwiseSqEuclidean(a, b), await js.pairwiseSqEuclidean(a, b))).toBeLessThan(2e-5);
      expect(backend.runs - before).toBeGreaterThan(1);
      expect(maxRelError(await backend.pairwiseCosine(a, b), await js.pairwiseCosine(a, b))).toBeLessThan(2e-5);
    }
    const c = randomMatrix(6, 30, 44);
    expect(maxRelError((await backend.matmul(a, c)).data, refMatmul(a, c))).toBeLessThan(2e-5);
  });

  it('gives the JS neighbours when the fused top-k runs row by row', async () => {
    const x = randomMatrix(700, 8, 45);
    const q = randomMatrix(20, 8, 46);
    const fused = await nearestNeighbours(backend, q, x, 3, 'sqeuclidean', { blockCols: 700 });
    const plain = await nearestNeighbours(js, q, x, 3, 'sqeuclidean');
    expect(Array.from(fused.indices)).toEqual(Array.from(plain.indices));
    await backend.dispose();
  });
});
