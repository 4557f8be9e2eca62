import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawRecord } from '../../input/types.js';
import type { PreparedRecord } from '../prepare-record.js';
import { decodeResult, encodeChunk, type EncodedResult } from './chunk-codec.js';
import type { ChunkContext, Preparer } from './preparer.js';

/**
 * Where the built worker entry lives: beside the bundle that imports this module
 * (`dist/prepare-worker.js`). Running from TypeScript sources (tests) there is none, and the
 * loader prepares inline.
 */
export function preparerWorkerUrl(): URL | null {
  try {
    const url = new URL('./prepare-worker.js', import.meta.url);
    return existsSync(fileURLToPath(url)) ? url : null;
  } catch {
    return null;
  }
}

/**
 * Prepares records on a worker thread. Chunks are answered in order; a worker that dies fails
 * every chunk still waiting (the load then stops with that error, having committed only whole
 * batches).
 *
 * @example
 * ```ts
 * const url = preparerWorkerUrl();
 * const p = url ? createThreadPreparer(url) : createInlinePreparer();
 * try { await p.prepare(records, ctx); } finally { await p.close(); }
 * ```
 */
export function createThreadPreparer(url: URL): Preparer {
  // Workers inherit the process's flags; `--input-type` (a `node -e` script) is refused in them.
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
  const worker = new Worker(url, { execArgv, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  worker.unref();
  let nextId = 0;
  const waiting = new Map<number, { records: readonly RawRecord[]; resolve: (p: PreparedRecord[]) => void; reject: (e: Error) => void }>();
  let dead: Error | null = null;
  const failAll = (err: Error) => {
    dead = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('message', (r: EncodedResult) => {
    const w = waiting.get(r.id);
    if (!w) return;
    waiting.delete(r.id);
    if (r.error) w.reject(new Error(`record preparation failed in the worker thread: ${r.error}`));
    else w.resolve(decodeResult(r, w.records));
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`record preparation thread exited (code ${code})`)));
  return {
    name: 'thread',
    prepare(records: readonly RawRecord[], ctx: ChunkContext): Promise<PreparedRecord[]> {
      if (dead) return Promise.reject(dead);
      const id = nextId++;
      const chunk = encodeChunk(id, records, ctx);
      return new Promise((resolve, reject) => {
        waiting.set(id, { records, resolve, reject });
        worker.ref(); // keep the process alive while work is outstanding
        worker.postMessage(chunk, [chunk.bytes.buffer as ArrayBuffer, chunk.meta.buffer as ArrayBuffer]);
      }).finally(() => {
        if (waiting.size === 0) worker.unref();
      }) as Promise<PreparedRecord[]>;
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
      failAll(new Error('record preparer closed'));
    },
  };
}
