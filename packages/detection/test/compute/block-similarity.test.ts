import { describe, expect, it } from 'vitest';
import { createJsBackend, matrixFromRows, runPlan, runPlanSync, similarPairsInBlocks, trigrams, hashedTfIdfRows } from '../../src/index.js';

describe('similarity inside candidate blocks', () => {
  const x = matrixFromRows([[1, 0], [0.9, 0.1], [0, 1], [0.1, 0.9], [1, 1]]);

  it('compares rows only inside their blocks and keeps pairs above the threshold, once each', () => {
    const use = { calls: 0, pairs: 0 };
    // Rows 0 and 2 are in no common block: never compared even if similar.
    const pairs = runPlanSync(similarPairsInBlocks(x, [{ a: [0, 1], b: [0, 1] }, { a: [2], b: [3, 4] }], 0.7), use);
    expect(pairs.map(([i, j]) => [i, j])).toEqual([[0, 1], [2, 3], [2, 4]]);
    expect(pairs[0]![2]).toBeCloseTo(0.9 / Math.hypot(0.9, 0.1), 5);
    // Both blocks fit one packed call.
    expect(use.calls).toBe(1);
  });

  it('tiles blocks larger than a batch and packs small ones, with the same answer', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [Math.cos(i / 7), Math.sin(i / 7), (i % 3) / 3]);
    const m = matrixFromRows(rows);
    const all = Array.from({ length: 40 }, (_, i) => i);
    const whole = runPlanSync(similarPairsInBlocks(m, [{ a: all, b: all }], 0.95));
    const use = { calls: 0, pairs: 0 };
    const tiled = await runPlan(similarPairsInBlocks(m, [{ a: all, b: all }], 0.95, 16), createJsBackend(), use);
    expect(tiled).toEqual(whole);
    expect(use.calls).toBe(9); // 3 × 3 tiles of at most 16 rows
    expect(whole.length).toBeGreaterThan(0);
  });

  it('hashes TF-IDF tokens so mutations of one word are alike and unrelated words are not', () => {
    const doc = (w: string) => new Map(trigrams(w).map((t) => [t, 1]));
    const v = hashedTfIdfRows([doc('falcon42!root'), doc('root@falcon42'), doc('zx81qwerty')], () => 1, 256);
    const sims = runPlanSync(similarPairsInBlocks(v, [{ a: [0, 1, 2], b: [0, 1, 2] }], -1));
    const sim = (i: number, j: number) => sims.find((p) => p[0] === i && p[1] === j)![2];
    expect(sim(0, 1)).toBeGreaterThan(0.5);
    expect(Math.abs(sim(0, 2))).toBeLessThan(0.2);
  });
});
