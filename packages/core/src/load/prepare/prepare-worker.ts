/**
 * Worker-thread entry of the thread preparer: prepares chunks of records and answers in the
 * order they came. Built as its own file (`dist/prepare-worker.js`) next to the package's entry.
 */
import { parentPort } from 'node:worker_threads';
import { prepareRecord } from '../prepare-record.js';
import { decodeChunk, encodeResult, type EncodedChunk, type EncodedResult } from './chunk-codec.js';

parentPort?.on('message', (c: EncodedChunk) => {
  let reply: EncodedResult;
  try {
    const prepared = decodeChunk(c).map((r) => prepareRecord(r, c.ctx.sourceId, c.ctx, c.ctx.now));
    reply = encodeResult(c.id, prepared);
  } catch (err) {
    // prepareRecord is total (bad input becomes a dead letter); reaching this is a bug, reported
    // to the loader so the load fails loudly instead of hanging.
    reply = { id: c.id, hashes: new Uint8Array(0), out: [], error: err instanceof Error ? err.stack ?? err.message : String(err) };
  }
  parentPort!.postMessage(reply, [reply.hashes.buffer as ArrayBuffer]);
});
