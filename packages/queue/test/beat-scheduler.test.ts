import { describe, expect, it } from 'vitest';
import { beatScheduler } from '../src/worker/beat-scheduler.js';
import { sleep } from './support/engines.js';

describe('beat scheduler', () => {
  it('folds a burst of asks into a leading and a trailing beat', async () => {
    const starts: number[] = [];
    const beats = beatScheduler({ minGapMs: 100, beat: async () => void starts.push(Date.now()) });
    for (let i = 0; i < 1000; i++) beats.soon();
    await beats.idle();
    expect(starts).toHaveLength(2);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(95);
    await sleep(150);
    beats.soon(); // a lone ask after the gap beats at once
    expect(starts).toHaveLength(3);
    await beats.idle();
  });

  it('never overlaps beats, even when one takes longer than the gap, and reports errors', async () => {
    let running = 0;
    let most = 0;
    let n = 0;
    const errors: unknown[] = [];
    const beats = beatScheduler({
      minGapMs: 10,
      onError: (e) => errors.push(e),
      beat: async () => {
        most = Math.max(most, ++running);
        await sleep(50);
        running--;
        if (++n === 1) throw new Error('registry down');
      },
    });
    beats.soon();
    await sleep(20);
    beats.soon();
    beats.soon();
    await beats.idle();
    expect(n).toBe(2);
    expect(most).toBe(1);
    expect(errors.map((e) => (e as Error).message)).toEqual(['registry down']);
  });

  it('beats no more after stop (a late beat would re-add a removed worker)', async () => {
    let n = 0;
    const beats = beatScheduler({ minGapMs: 50, beat: async () => void n++ });
    beats.soon();
    beats.soon(); // trailing beat pending
    beats.stop();
    await beats.idle();
    await sleep(80);
    beats.soon();
    expect(n).toBe(1);
  });

  it('beats at once for an urgent ask (the worker turned idle), without waiting out the gap', async () => {
    const starts: number[] = [];
    const beats = beatScheduler({ minGapMs: 1000, beat: async () => void starts.push(Date.now()) });
    beats.soon();
    await beats.idle();
    beats.soon(); // within the gap: waits for it
    await sleep(20);
    expect(starts).toHaveLength(1);
    beats.soon(true);
    await beats.idle();
    expect(starts).toHaveLength(2);
    expect(starts[1]! - starts[0]!).toBeLessThan(500);
  });
});

