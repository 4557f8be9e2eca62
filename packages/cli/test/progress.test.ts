import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { LoadProgress } from '@cowrieprocessor/core';
import { loadProgressBar } from '../src/progress.js';
import type { CliIo } from '../src/io.js';

function io(isTTY: boolean): { io: CliIo; err: () => string } {
  const stderr = Object.assign(new PassThrough(), { isTTY, columns: 120 });
  let text = '';
  stderr.on('data', (d: Buffer) => (text += d.toString()));
  const stdout = new PassThrough();
  return { io: { stdout, stderr, stdin: (async function* () {})(), env: {}, cwd: '/' }, err: () => text };
}

const p = (over: Partial<LoadProgress>): LoadProgress => ({
  step: 'reading', filesDone: 0, filesTotal: 4, currentFile: 'a', records: 0, events: 0, duplicates: 0, deadLetters: 0,
  bytesDone: 0, bytesTotal: 4000, elapsedSeconds: 0, ...over,
});

describe('load progress bar', () => {
  it('draws files, events/s and an ETA on a terminal', async () => {
    const t = io(true);
    const bar = loadProgressBar(t.io, true);
    bar.update(p({}));
    bar.update(p({ filesDone: 2, bytesDone: 2000, records: 5000, events: 4900, elapsedSeconds: 2 }));
    // The bar redraws on its own timer (10 fps on a terminal).
    await new Promise((r) => setTimeout(r, 300));
    const out = t.err();
    bar.stop();
    expect(out).toContain('2/4 files');
    expect(out).toContain('4900 events');
    expect(out).toContain('2500 records/s');
    expect(out).toContain('50%');
    expect(out).toMatch(/ETA \d+s/);
  });

  it('writes nothing when stderr is not a terminal, or when disabled', () => {
    for (const [tty, enabled] of [[false, true], [true, false]] as const) {
      const t = io(tty);
      const bar = loadProgressBar(t.io, enabled);
      bar.update(p({ filesDone: 1, bytesDone: 1000, records: 10, elapsedSeconds: 1 }));
      bar.stop();
      expect(t.err()).toBe('');
    }
  });
});
