/**
 * Base class of every error this project throws on purpose. `code` is stable and meant for
 * programs (CLI exit handling, API error bodies); `message` is for people.
 *
 * @example
 * ```ts
 * try { await store.migrate(); } catch (e) {
 *   if (e instanceof CowrieError && e.code === 'SCHEMA_TOO_OLD') console.error(e.message);
 * }
 * ```
 */
export class CowrieError extends Error {
  /** Stable machine-readable code, e.g. `INPUT_NOT_FOUND`. */
  readonly code: string;
  /** Extra diagnostics (file, line, field, query, service …). */
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** Bad input the user can fix: names the file, line and field where known. */
export class InputError extends CowrieError {
  constructor(
    code: string,
    message: string,
    readonly location: { file?: string; line?: number; field?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(code, formatLocation(location) + message, { ...location }, options);
  }
}

/** Wrong usage of a command or API (bad flag, bad `--db` form, ambiguous session id …). */
export class UsageError extends CowrieError {}

/** A database operation failed; carries the dialect and (short) query text. */
export class StoreError extends CowrieError {
  constructor(code: string, message: string, details: { dialect?: string; query?: string } = {}, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}

/** The database schema is not the version this code reads or writes. */
export class SchemaVersionError extends StoreError {}

function formatLocation(loc: { file?: string; line?: number; field?: string }): string {
  if (!loc.file) return '';
  let s = loc.file;
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.field) s += ` (field ${loc.field})`;
  return s + ': ';
}
