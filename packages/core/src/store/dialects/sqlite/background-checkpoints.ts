import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

// Runs in the worker: its own connection to the same file, checkpointing (PASSIVE: never blocks
// the writer, copies only committed frames) until told to stop. A failed or busy checkpoint is
// simply tried again at the next tick; the writer's own auto-checkpoint is the safety net.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 0');
const stop = new Int32Array(workerData.stop);
while (Atomics.load(stop, 0) === 0) {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  Atomics.wait(stop, 0, 0, workerData.intervalMs);
}
try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
db.close();
`;

/** WAL pages the writer lets pile up before it checkpoints itself (when the worker lags or is gone). */
const SAFETY_NET_PAGES = 16_000;
/** The writer's setting outside loads (see open-sqlite.ts). */
const DEFAULT_PAGES = 4_000;

/** A running background checkpointer. */
export interface BackgroundCheckpoints {
  /** Stop the worker (after one last checkpoint) and give checkpoints back to the writer. */
  stop(): Promise<void>;
}

/**
 * Move WAL checkpoints of a long load off the writer's thread. With `synchronous=NORMAL`, copying
 * the WAL back into the database is most of what a commit costs (measured: about 0.8 s of an 8 s
 * load of 236,864 events); a second connection on a worker thread does it on the other core
 * while the writer goes on. Returns `null` (and changes nothing) when the worker cannot start.
 *
 * @example
 * ```ts
 * const bg = startBackgroundCheckpoints(conn, '/var/lib/cowrie.sqlite');
 * try { await load(); } finally { await bg?.stop(); }
 * ```
 */
export function startBackgroundCheckpoints(conn: BetterSqlite3.Database, path: string, intervalMs = 25): BackgroundCheckpoints | null {
  let worker: Worker;
  const stopFlag = new SharedArrayBuffer(4);
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, intervalMs, stop: stopFlag } });
  } catch {
    return null;
  }
  worker.unref();
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => resolve());
    worker.once('error', () => resolve());
  });
  conn.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  return {
    async stop() {
      worker.ref(); // keep the process alive until the last checkpoint is written
      Atomics.store(new Int32Array(stopFlag), 0, 1);
      Atomics.notify(new Int32Array(stopFlag), 0);
      await exited;
      conn.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
    },
  };
}
