import { randomUUID } from 'node:crypto';
import { isAbsolute } from 'node:path';
import type { LoadOptions, LoadResult } from '../load/load-types.js';
import { LoadRun } from '../load/load-run.js';
import { IMPORTED } from '../load/imported-lines.js';
import type { CowrieStore } from '../store/open-store.js';
import { openPredecessor } from './open-predecessor.js';
import { importPredecessorEnrichment, type EnrichmentImport } from './predecessor-enrichment.js';
import { payloadStream, predecessorSources, type PayloadStats } from './predecessor-events.js';

/** `sources.compression` of files re-ingested from a predecessor database (what later loads match on). */
export const PREDECESSOR_IMPORT = IMPORTED;

/** What `cowrie import predecessor` did. */
export interface PredecessorImportResult {
  from: string;
  /** The events, as a load result: `files` are the predecessor's sources. */
  load: LoadResult;
  payloads: PayloadStats;
  enrichment: EnrichmentImport;
  /** Tables we could not import, with why. */
  notImported: Array<{ table: string; reason: string }>;
}

/**
 * Re-ingest a predecessor (Python cowrieprocessor) database: its stored payloads go through our
 * loader with the original commands put back and each event on its original file position, so
 * that a later load of the same log files is recognised by position and adds nothing (their
 * content cannot match: the predecessor rewrote it). Its enrichment cache and HIBP password
 * results come along. The predecessor database is only read.
 *
 * @example
 * ```ts
 * const store = await openStore('./cowrie.sqlite', { command: 'import predecessor' });
 * const r = await importPredecessor(store, 'postgres://old-host/cowrie');
 * console.log(r.load.events, r.enrichment.cacheImported);
 * ```
 */
export async function importPredecessor(store: CowrieStore, from: string, opts: LoadOptions = {}): Promise<PredecessorImportResult> {
  const old = await openPredecessor(from);
  try {
    const sources = await predecessorSources(old);
    const payloads: PayloadStats = { restoredCommands: 0, lostCommands: 0, withoutPosition: 0, unreadable: 0 };
    const run = new LoadRun(store, randomUUID(), 'import', { ...opts, prepare: opts.prepare ?? 'inline' });
    await run.begin(sources.length, 0);
    const load = await run.complete(async () => {
      for (const s of sources) {
        opts.signal?.throwIfAborted();
        const source = { name: s.source, path: isAbsolute(s.source) ? s.source : null, inode: s.inode, generation: s.generation, size: null };
        await run.readFile(source, PREDECESSOR_IMPORT, payloadStream(old, s, payloads), { complete: true });
      }
    });
    const enrichment = await importPredecessorEnrichment(store, old);
    const notImported = ['session_summaries', 'files', 'dead_letter_events', 'snowshoe_detections', 'longtail_analysis']
      .map((table) => ({ table, reason: 'rebuilt from the events by our loader and detectors, not copied' }));
    return { from: old.description, load, payloads, enrichment, notImported };
  } finally {
    await old.close();
  }
}
