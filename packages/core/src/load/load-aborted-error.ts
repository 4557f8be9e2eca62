import { CowrieError } from '../errors/index.js';
import type { LoadResult } from './load-types.js';

/**
 * A load stopped by an error it cannot isolate (the database went away, the disk is full, the
 * load was aborted). Everything committed before stays committed and is described by
 * `partial`; re-running the load completes it without doubling anything.
 */
export class LoadAbortedError extends CowrieError {
  constructor(readonly partial: LoadResult, cause: unknown) {
    super('LOAD_ABORTED', `load stopped: ${cause instanceof Error ? cause.message : String(cause)} (what was committed before stays; re-run to complete)`, { loadId: partial.loadId }, { cause });
  }
}
