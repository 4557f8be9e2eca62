/** How a database error should be handled by a loader. */
export type StoreErrorKind = 'transient' | 'data' | 'fatal' | 'other';

const TRANSIENT_PG = new Set(['40001', '40P01', '55P03']);
const FATAL_SQLITE = /^SQLITE_(IOERR|FULL|CORRUPT|READONLY|CANTOPEN|NOTADB|PERM|NOMEM)/;

/**
 * Classify a database error: `transient` (busy, deadlock, serialization: retry), `data` (the
 * database refuses these values: isolate the record), `fatal` (connection, disk: stop), or
 * `other` (a statement of ours failed: isolate, but never turn records into dead letters).
 */
export function classifyStoreError(err: unknown): StoreErrorKind {
  const e = err as { code?: unknown; errno?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code.startsWith('SQLITE_')) {
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'transient';
    if (FATAL_SQLITE.test(code)) return 'fatal';
    if (code === 'SQLITE_TOOBIG' || code === 'SQLITE_MISMATCH' || code === 'SQLITE_RANGE') return 'data';
    return 'other';
  }
  if (/^[0-9A-Z]{5}$/.test(code)) {
    if (TRANSIENT_PG.has(code)) return 'transient';
    // 22: data exception (bad encoding, out of range, invalid text); 54: program limit (too deep, too big).
    if (code.startsWith('22') || code.startsWith('54')) return 'data';
    if (code.startsWith('08') || code.startsWith('53') || code.startsWith('57') || code.startsWith('58') || code === 'XX000') return 'fatal';
    return 'other';
  }
  if (/^E[A-Z]+$/.test(code)) return 'fatal'; // ECONNREFUSED, ECONNRESET, EPIPE …
  return 'other';
}
